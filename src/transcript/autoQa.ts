import { analyseTranscript, messagesBy, templateHits, type TranscriptAnalysis } from './analyseTranscript.js';
import { scriptChecksOf } from './checkScript.js';
import { defaultPhrasebook } from './defaultPhrasebook.js';
import { evidenceOf } from './evidence.js';
import { holdsOf, type HoldEvent, type HoldEventsOptions } from './holdEvents.js';
import type { Phrasebook } from './phrasebookSchema.js';
import type { Evidence, PhrasebookOptions, TranscriptContact } from './types.js';

/**
 * The QC v3.1 items a machine can judge from the words alone. Judgement items (enthusiasm,
 * patience, comprehension, tone…) never get a suggestion.
 */
export const autoQaItemIds = ['greeting', 'closing', 'addressing', 'politeWords', 'thanks', 'apology', 'holdHandling'] as const;

/** One machine-judgeable item id. */
export type AutoQaItemId = (typeof autoQaItemIds)[number];

/**
 * What `autoQa` needs of a rubric, structurally (the rubrics room's `qcRubricV31` fits): item ids
 * and their allowed point levels.
 */
export interface AutoQaRubric {
  readonly items: readonly { readonly id: string; readonly levels: readonly { readonly points: number }[] }[];
}

/** A suggested score for one item. */
export interface AutoQaSuggestion {
  readonly itemId: AutoQaItemId;
  /** One of the item's levels in the rubric passed. */
  readonly points: number;
  /** How sure the machine is, in [0, 1]. */
  readonly confidence: number;
  readonly reason: string;
  readonly evidence: readonly Evidence[];
}

/** Options of {@link autoQa}. */
export interface AutoQaOptions extends PhrasebookOptions, HoldEventsOptions {
  /** Only these items (default: all machine-judgeable items the rubric has). */
  readonly items?: readonly AutoQaItemId[];
}

/** The suggestions for one contact. */
export interface AutoQaResult {
  readonly contactId?: string;
  /** `false` when there was nothing to judge (no messages, or no agent message). */
  readonly checked: boolean;
  readonly reason?: string;
  readonly suggestions: readonly AutoQaSuggestion[];
  /** Red lines the words show: `forbiddenPhrase` when an agent said a forbidden phrase. */
  readonly redLines: readonly string[];
  /** Items asked for but not suggested, and why (not in the rubric, nothing to judge). */
  readonly skipped: readonly { readonly itemId: AutoQaItemId; readonly reason: string }[];
}

/** The QC v3.1 levels (seed 004) each item's reasoning is written in, highest first. */
const qcLevels: Record<AutoQaItemId, readonly number[]> = {
  greeting: [2, 1, 0],
  closing: [2, 0],
  addressing: [2, 1, 0],
  politeWords: [2, 0],
  thanks: [1, 0],
  apology: [2, 0],
  holdHandling: [10, 6, 4, 2, 0],
};

interface Judgement {
  readonly points: number; // a QC v3.1 level
  readonly confidence: number;
  readonly reason: string;
  readonly evidence: readonly Evidence[];
}

/**
 * Maps a QC v3.1 level onto the rubric's levels: the same points when the rubric has them;
 * otherwise the same rank when the rubric has as many levels; otherwise the highest level at or
 * below the same share of the maximum. A mapped level is less sure (confidence × 0.8).
 */
function toRubricLevel(item: AutoQaItemId, judgement: Judgement, levels: readonly number[]): { points: number; confidence: number } {
  if (levels.includes(judgement.points)) return { points: judgement.points, confidence: judgement.confidence };
  const sorted = [...levels].sort((a, b) => b - a);
  const qc = qcLevels[item];
  const rank = qc.indexOf(judgement.points);
  const sameRank = sorted.length === qc.length ? sorted[rank] : undefined;
  if (sameRank !== undefined) return { points: sameRank, confidence: judgement.confidence * 0.8 };
  const max = sorted[0] ?? 0;
  const share = (qc[0] ?? 1) === 0 ? 0 : judgement.points / (qc[0] ?? 1);
  const target = share * max;
  const below = sorted.find((points) => points <= target + 1e-9);
  return { points: below ?? (sorted[sorted.length - 1] ?? 0), confidence: judgement.confidence * 0.8 };
}

function judgeHoldHandling(holds: readonly HoldEvent[]): Judgement {
  if (holds.length === 0)
    return { points: 10, confidence: 0.6, reason: 'the customer was never asked to wait (a silent wait on a call is not visible in the words)', evidence: [] };
  // Seed 004 等待时长, per hold: 10 long wait with a callback offer · 6 short, asked, apologised ·
  // 4 asked, not apologised · 2 over a minute without a callback, or not asked · 0 neither asked
  // nor apologised. Several holds (让客户多次等待) score at most 2.
  const levelOf = (hold: HoldEvent): number => {
    if (hold.long) return hold.callbackOffered ? 10 : 2;
    if (!hold.askedPermission) return hold.thankedAfter ? 2 : 0;
    return hold.thankedAfter ? 6 : 4;
  };
  let points = Math.min(...holds.map(levelOf));
  const reasons: string[] = [];
  if (holds.length > 1 && points > 2) {
    points = 2;
    reasons.push(`the customer was asked to wait ${holds.length} times`);
  }
  const worst = holds.find((hold) => levelOf(hold) === Math.min(...holds.map(levelOf))) as HoldEvent;
  reasons.push(
    `hold of ${worst.seconds} s: ${worst.askedPermission ? 'asked first' : 'not asked first'}, ${worst.thankedAfter ? 'apologised after' : 'no apology after'}${worst.long ? (worst.callbackOffered ? ', callback offered' : ', over the limit without a callback offer') : ''}`,
  );
  const evidence = holds.flatMap((hold) => [hold.evidence.ask, ...(hold.evidence.thanks ? [hold.evidence.thanks] : []), ...(hold.evidence.callback ? [hold.evidence.callback] : [])]);
  return { points, confidence: 0.75, reason: reasons.join('; '), evidence };
}

function judge(analysis: TranscriptAnalysis, options: HoldEventsOptions): Partial<Record<AutoQaItemId, Judgement>> & { redLines: string[] } {
  const result = scriptChecksOf(analysis, options);
  const { checks } = result;
  const agent = messagesBy(analysis, 'agent');
  const allAgentHits = agent.flatMap((i) => analysis.byMessage[i] ?? []);
  const out: Partial<Record<AutoQaItemId, Judgement>> & { redLines: string[] } = { redLines: [] };

  const g = checks.greeting;
  out.greeting =
    g.detail === 'complete'
      ? { points: 2, confidence: 0.9, reason: g.reason, evidence: g.evidence }
      : g.detail === 'precededByWei'
        ? { points: 1, confidence: 0.85, reason: g.reason, evidence: g.evidence }
        : g.detail === 'incomplete'
          ? { points: 1, confidence: 0.7, reason: g.reason, evidence: g.evidence }
          : g.detail === 'notFirst'
            ? { points: 1, confidence: 0.5, reason: g.reason, evidence: g.evidence }
            : { points: 0, confidence: 0.8, reason: g.reason, evidence: g.evidence };

  const c = checks.closing;
  out.closing =
    c.status === 'pass'
      ? { points: 2, confidence: 0.9, reason: c.reason, evidence: c.evidence }
      : { points: 0, confidence: c.detail === 'notLast' ? 0.6 : 0.8, reason: c.reason, evidence: c.evidence };

  const asked = checks.surnameAsked;
  const used = checks.surnameUsed;
  out.addressing =
    asked.status !== 'pass'
      ? { points: 0, confidence: 0.8, reason: asked.reason, evidence: [] }
      : used.status === 'pass'
        ? { points: 2, confidence: used.detail === 'surnameStated' ? 0.9 : 0.6, reason: used.reason, evidence: [...asked.evidence, ...used.evidence] }
        : { points: 1, confidence: 0.8, reason: used.reason, evidence: asked.evidence };

  const forbidden = allAgentHits.filter((hit) => hit.rule === 'forbidden');
  const slang = allAgentHits.filter((hit) => hit.rule === 'slang');
  if (forbidden.length > 0) {
    out.redLines.push('forbiddenPhrase');
    out.politeWords = {
      points: 0,
      confidence: 0.95,
      reason: `forbidden phrase${forbidden.length === 1 ? '' : 's'}: ${forbidden.map((hit) => hit.text).join(' · ')} (red line forbiddenPhrase)`,
      evidence: forbidden.map(evidenceOf),
    };
  } else {
    out.politeWords =
      slang.length === 0
        ? { points: 2, confidence: 0.8, reason: 'no forbidden phrase', evidence: [] }
        : { points: 2, confidence: 0.6, reason: `no forbidden phrase; slang particles: ${slang.map((hit) => hit.text).join(' · ')}`, evidence: slang.map(evidenceOf) };
  }

  const holds = holdsOf(analysis, options);
  const thanks = agent.flatMap((i) => templateHits(analysis, i, 'thanks'));
  out.thanks =
    thanks.length > 0
      ? { points: 1, confidence: 0.7, reason: 'the agent thanked the customer', evidence: thanks.slice(0, 3).map(evidenceOf) }
      : holds.length > 0
        ? { points: 0, confidence: 0.5, reason: 'the customer waited, the agent never thanked them', evidence: holds.map((h) => h.evidence.ask) }
        : { points: 1, confidence: 0.4, reason: 'no thanks, and nothing obviously called for one (不涉及的小项默认为满分)', evidence: [] };

  // Apology arises when the customer complains (an alert word) or is made to wait.
  const messages = analysis.messages ?? [];
  const triggers: Evidence[] = [
    ...messages.flatMap((m, i) => (m.from === 'customer' ? (analysis.byMessage[i] ?? []).filter((hit) => hit.rule === 'alert').map(evidenceOf) : [])),
    ...holds.map((hold) => hold.evidence.ask),
  ].sort((a, b) => a.messageIndex - b.messageIndex);
  const firstTrigger = triggers[0];
  if (firstTrigger === undefined) {
    out.apology = { points: 2, confidence: 0.5, reason: 'no complaint or wait that called for an apology (不涉及的小项默认为满分)', evidence: [] };
  } else {
    const apology = agent.filter((i) => i >= firstTrigger.messageIndex).flatMap((i) => templateHits(analysis, i, 'apology'))[0];
    out.apology =
      apology !== undefined
        ? { points: 2, confidence: 0.8, reason: 'the agent apologised after the complaint or wait', evidence: [firstTrigger, evidenceOf(apology)] }
        : { points: 0, confidence: 0.7, reason: 'the customer complained or waited and the agent never apologised', evidence: [firstTrigger] };
  }

  out.holdHandling = judgeHoldHandling(holds);
  return out;
}

/**
 * Suggested points for the QC v3.1 items a machine can judge from a transcript (seed 004, 规范用语
 * and 礼貌用语, and 等待时长), each with its evidence and a confidence in [0, 1]:
 *
 * | item | rule |
 * | --- | --- |
 * | greeting 2/1/0 | complete standard greeting first → 2; preceded by 喂, only 您好, or later → 1; none → 0 |
 * | closing 2/0 | standard closing in the last agent message → 2; else 0 |
 * | addressing 2/1/0 | surname asked and used → 2; asked, not used → 1; not asked → 0 |
 * | politeWords 2/0 | any forbidden phrase → 0 and red line `forbiddenPhrase`; else 2 |
 * | thanks 1/0 | thanked → 1; customer waited, no thanks → 0; otherwise not arising → 1 |
 * | apology 2/0 | after an alert word or a hold: apologised → 2, else 0; not arising → 2 |
 * | holdHandling 10/6/4/2/0 | per hold as seed 004 等待时长; several holds at most 2; none → 10 |
 *
 * Points are always levels of the rubric passed: a QC v3.1 level the rubric lacks is mapped to the
 * rubric's level of the same rank (or share of the maximum), less confidently. Items the rubric
 * does not have are skipped, and so is everything when no agent spoke.
 *
 * @param contact - any contact with `messages`
 * @param rubric - the rubric, structurally `{ items: { id, levels: { points }[] }[] }` (e.g. `qcRubricV31`)
 * @param phrasebook - the phrasebook (default: {@link defaultPhrasebook})
 * @param options - items to judge, hold limit, overlap policy
 * @returns the suggestions, red lines and skipped items
 * @example
 * const rubric = { items: [{ id: 'politeWords', levels: [{ points: 2 }, { points: 0 }] }] };
 * autoQa({ messages: [{ from: 'agent', at: 0, text: '这个我不清楚' }] }, rubric).redLines
 * //=> ['forbiddenPhrase']
 * @throws {TranscriptError} when `messages` is present but malformed
 */
export function autoQa(contact: TranscriptContact, rubric: AutoQaRubric, phrasebook: Phrasebook = defaultPhrasebook, options: AutoQaOptions = {}): AutoQaResult {
  const analysis = analyseTranscript(contact, phrasebook, options.overlapping);
  const wanted = options.items ?? autoQaItemIds;
  const contactId = contact.id === undefined ? {} : { contactId: contact.id };
  const nothing = analysis.messages === null ? (analysis.reason ?? 'nothing to check') : messagesBy(analysis, 'agent').length === 0 ? 'no agent message: nothing to judge' : null;
  if (nothing !== null) {
    return { ...contactId, checked: false, reason: nothing, suggestions: [], redLines: [], skipped: wanted.map((itemId) => ({ itemId, reason: nothing })) };
  }
  const judged = judge(analysis, options);
  const suggestions: AutoQaSuggestion[] = [];
  const skipped: { itemId: AutoQaItemId; reason: string }[] = [];
  for (const itemId of wanted) {
    const item = rubric.items.find((candidate) => candidate.id === itemId);
    const judgement = judged[itemId];
    if (item === undefined || item.levels.length === 0) {
      skipped.push({ itemId, reason: item === undefined ? 'the rubric has no such item' : 'the rubric item has no levels' });
      continue;
    }
    if (judgement === undefined) {
      skipped.push({ itemId, reason: 'nothing to judge' });
      continue;
    }
    const { points, confidence } = toRubricLevel(
      itemId,
      judgement,
      item.levels.map((level) => level.points),
    );
    suggestions.push({ itemId, points, confidence: Math.min(1, Math.max(0, confidence)), reason: judgement.reason, evidence: judgement.evidence });
  }
  const redLines = wanted.includes('politeWords') ? judged.redLines : [];
  return { ...contactId, checked: true, suggestions, redLines, skipped };
}
