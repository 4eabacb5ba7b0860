import { z } from 'zod';

/** What a phrase entry is about. */
export const phraseRules = ['forbidden', 'slang', 'alert'] as const;

/**
 * What a required template is for. `greetingWord` (您好) tells an incomplete greeting from none;
 * `holdAsk` asks the customer's permission to wait (征询), `holdNotice` only tells them to wait.
 */
export const templateKinds = [
  'greetingInbound',
  'greetingOutbound',
  'greetingWord',
  'beforeEnding',
  'closing',
  'holdAsk',
  'holdNotice',
  'holdThanks',
  'callbackOffer',
  'surnameAsk',
  'surnameUse',
  'thanks',
  'apology',
  'autoReply',
] as const;

/** How much a hit weighs: a red line (QC v3.1 `forbiddenPhrase`), a major or a minor finding. */
export const severities = ['redLine', 'major', 'minor'] as const;

/** Where in a sentence a phrase counts: anywhere, or only as the last word of a clause. */
export const phrasePositions = ['anywhere', 'sentenceFinal'] as const;

const speakers = ['customer', 'agent', 'bot'] as const;

const text = (expected: string) => z.string({ error: expected }).min(1, { error: expected });
const label = z.strictObject({ zh: text('a non-empty Chinese label'), en: text('a non-empty English label') }, { error: 'a label { zh, en }' });
const seeds = z.array(text('a seed id such as "000"'), { error: 'a list of seed ids' }).min(1, { error: 'at least one seed id' });

/** A literal phrase rule: forbidden agent wording, a slang particle, a customer alert word. */
export const phraseEntrySchema = z.strictObject({
  /** Unique in the phrasebook, e.g. `forbidden.dontKnow`. */
  id: text('a non-empty id'),
  rule: z.enum(phraseRules, { error: 'one of "forbidden" | "slang" | "alert"' }),
  /** The literal phrases (variants); punctuation and spaces in them are ignored when matching. */
  phrases: z.array(text('a non-empty phrase'), { error: 'a list of phrases' }).min(1, { error: 'at least one phrase' }),
  /** What to say instead (forbidden entries). */
  instead: text('a non-empty replacement').optional(),
  label,
  /** The seed(s) the entry comes from, e.g. `['000']`. */
  seeds,
  severity: z.enum(severities, { error: 'one of "redLine" | "major" | "minor"' }),
  /** Whose messages it applies to. */
  speakers: z.array(z.enum(speakers, { error: 'one of "customer" | "agent" | "bot"' })).min(1, { error: 'at least one speaker' }),
  position: z.enum(phrasePositions, { error: 'one of "anywhere" | "sentenceFinal"' }).default('anywhere'),
  /** Longer phrases that contain a hit and make it innocent (嘛 inside 干嘛). */
  unless: z.array(text('a non-empty phrase'), { error: 'a list of phrases' }).default([]),
}, { error: 'a phrase entry { id, rule, phrases, label, seeds, severity, speakers }' });

/** A required wording: any one of its patterns counts. */
export const templateEntrySchema = z.strictObject({
  id: text('a non-empty id'),
  kind: z.enum(templateKinds, { error: `one of ${templateKinds.map((k) => `"${k}"`).join(' | ')}` }),
  /**
   * Patterns with placeholders: `XXX`/`XX`/`xxx` (any run of two or more X, also full-width),
   * `**` (two or more asterisks), `[…]` / `【…】`, `…`/`……`, and the named `{merchant}`,
   * `{agentNumber}` (the phrasebook's values when set). Between two fixed parts a placeholder
   * matches 1..maxSpan folded code units; a leading one needs at least one unit before the first
   * part, a trailing one nothing. The fixed parts must appear in order in one message.
   */
  patterns: z.array(text('a non-empty pattern'), { error: 'a list of patterns' }).min(1, { error: 'at least one pattern' }),
  label,
  seeds,
  /** Whose messages it is looked for in. */
  speakers: z.array(z.enum(speakers, { error: 'one of "customer" | "agent" | "bot"' })).min(1, { error: 'at least one speaker' }),
  /** Longest span a placeholder of this template may cover; the phrasebook's `maxSpan` when absent. */
  maxSpan: z.number({ error: 'a whole number ≥ 1' }).int({ error: 'a whole number ≥ 1' }).min(1, { error: 'a whole number ≥ 1' }).optional(),
}, { error: 'a template { id, kind, patterns, label, seeds, speakers }' });

/** A phrasebook: data, validated, with the seed of every entry. */
export const phrasebookSchema = z.strictObject({
  id: text('a non-empty id'),
  label,
  /** The merchant's name, filled into `{merchant}` placeholders. */
  merchantName: text('a non-empty merchant name').optional(),
  /** The agent's number, filled into `{agentNumber}` placeholders. */
  agentNumber: text('a non-empty agent number').optional(),
  /** Longest span (normalised code units) a placeholder may cover (default 20). */
  maxSpan: z.number({ error: 'a whole number ≥ 1' }).int({ error: 'a whole number ≥ 1' }).min(1, { error: 'a whole number ≥ 1' }).default(20),
  entries: z.array(phraseEntrySchema, { error: 'a list of phrase entries' }),
  templates: z.array(templateEntrySchema, { error: 'a list of templates' }),
}, { error: 'a phrasebook { id, label, entries, templates }' });

/** A phrase entry as a user writes it (`position`, `unless` optional). */
export type PhraseEntryInput = z.input<typeof phraseEntrySchema>;
/** A phrase entry after validation. */
export type PhraseEntry = z.output<typeof phraseEntrySchema>;
/** A template as a user writes it. */
export type TemplateEntryInput = z.input<typeof templateEntrySchema>;
/** A template after validation. */
export type TemplateEntry = z.output<typeof templateEntrySchema>;
/** A phrasebook as a user writes it. */
export type PhrasebookInput = z.input<typeof phrasebookSchema>;
/** A validated phrasebook: what every check reads. Build one with `definePhrasebook`. */
export type Phrasebook = z.output<typeof phrasebookSchema>;
/** `forbidden` | `slang` | `alert`. */
export type PhraseRule = (typeof phraseRules)[number];
/** The purpose of a template. */
export type TemplateKind = (typeof templateKinds)[number];
/** `redLine` | `major` | `minor`. */
export type Severity = (typeof severities)[number];

/** Freezes a phrasebook and everything in it (what `definePhrasebook` and the default book hand out). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
