import { z } from 'zod';
import { MetricsError, type MetricsIssue } from '../errors.js';
import { isKpiName } from '../registry.js';
import type { TargetPreset } from './types.js';

const text = z.string({ error: 'a non-empty string' }).min(1, { error: 'a non-empty string' });
const label = z.object({ zh: text, en: text }, { error: 'a label { zh, en }' });

const targetSchema = z
  .object({
    id: text,
    kpi: text,
    comparator: z.enum(['atLeast', 'atMost'], { error: 'one of "atLeast" | "atMost"' }),
    threshold: z.number({ error: 'a finite number' }).finite({ error: 'a finite number' }),
    scope: z
      .object({
        channel: z.enum(['phone', 'chat'], { error: 'one of "phone" | "chat"' }).optional(),
        direction: z.enum(['inbound', 'outbound'], { error: 'one of "inbound" | "outbound"' }).optional(),
        kind: z.enum(['consultation', 'complaint', 'suggestion', 'repair', 'other'], { error: 'a contact kind' }).optional(),
        records: z.enum(['contact', 'complaint'], { error: 'one of "contact" | "complaint"' }).optional(),
        period: z.enum(['day', 'month'], { error: 'one of "day" | "month"' }).optional(),
        segment: text.optional(),
      })
      .strict()
      .optional(),
    options: z.record(z.string(), z.unknown(), { error: 'an object of KPI options' }).optional(),
    requires: z.array(text).optional(),
    external: z.boolean({ error: 'true or false' }).optional(),
    label,
    source: text,
    note: z.string().optional(),
  })
  .strict();

const presetSchema = z.object({ name: text, label, source: text, targets: z.array(targetSchema).min(1, { error: 'at least one target' }) });

/**
 * Validates a user's own target preset (same shape as the shipped ones): every problem at once.
 * A target's `kpi` must be a KPI name unless it is marked `external`; ids must be unique.
 *
 * @param input - `{ name, label: { zh, en }, source, targets: [{ id, kpi, comparator, threshold, … }] }`
 * @returns the preset, typed
 * @example
 * defineTargets({ name: 'ours', label: { zh: '我们的', en: 'Ours' }, source: 'team policy',
 *   targets: [{ id: 'answerRate', kpi: 'answerRate', comparator: 'atLeast', threshold: 0.92,
 *     label: { zh: '接通率', en: 'Answer rate' }, source: 'policy §1' }] }).targets.length //=> 1
 * @throws {MetricsError} listing every problem, e.g. `✖ expected a finite number → at targets[0].threshold`
 */
export function defineTargets(input: unknown): TargetPreset {
  const parsed = presetSchema.safeParse(input);
  const issues: MetricsIssue[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push({ path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: `expected ${issue.message}` });
    }
    throw new MetricsError(issues);
  }
  const seen = new Set<string>();
  parsed.data.targets.forEach((target, i) => {
    if (seen.has(target.id)) issues.push({ path: ['targets', i, 'id'], message: `expected a unique id, got "${target.id}" again` });
    seen.add(target.id);
    if (target.external !== true && !isKpiName(target.kpi)) {
      issues.push({ path: ['targets', i, 'kpi'], message: `expected a KPI name (or external: true), got "${target.kpi}"` });
    }
  });
  if (issues.length > 0) throw new MetricsError(issues);
  return parsed.data as TargetPreset;
}
