import { analyseTranscript, messagesBy, templateHits, type TranscriptAnalysis, type TranscriptHit } from './analyseTranscript.js';
import { defaultPhrasebook } from './defaultPhrasebook.js';
import { evidenceOf } from './evidence.js';
import { findLiteral } from './findLiteral.js';
import { holdsOf, type HoldEventsOptions } from './holdEvents.js';
import type { Phrasebook, TemplateKind } from './phrasebookSchema.js';
import type { CheckStatus, Evidence, Label, PhrasebookOptions, TranscriptContact } from './types.js';

/** The script checks, in the order a contact runs. */
export const scriptCheckIds = [
  'greeting',
  'surnameAsked',
  'surnameUsed',
  'holdAsked',
  'holdThanked',
  'holdCallback',
  'anythingElse',
  'closing',
  'forbiddenPhrases',
] as const;

/** One script check's id. */
export type ScriptCheckId = (typeof scriptCheckIds)[number];

/** How one check came out, with the words that show it. */
export interface ScriptCheck {
  readonly id: ScriptCheckId;
  readonly label: Label;
  readonly status: CheckStatus;
  /** Why, in a sentence. */
  readonly reason: string;
  /**
   * A finer outcome where one exists: greeting `complete` | `incomplete` | `precededByWei` |
   * `notFirst` | `missing`; closing `last` | `notLast` | `missing`; surnameUsed `surnameStated`
   * (the customer's surname found and used) | `surnameNotStated` (a Mr/Ms form used, the
   * surname itself unknown).
   */
  readonly detail?: string;
  readonly evidence: readonly Evidence[];
}

/** Options of {@link checkScript}. */
export interface CheckScriptOptions extends PhrasebookOptions, HoldEventsOptions {}

/** The script checks of one contact. */
export interface ScriptCheckResult {
  readonly contactId?: string;
  /** `false` when there are no messages; every check is then `notApplicable`. */
  readonly checked: boolean;
  readonly reason?: string;
  readonly checks: { readonly [K in ScriptCheckId]: ScriptCheck };
}

const labels: Record<ScriptCheckId, Label> = {
  greeting: { zh: '开头语', en: 'Greeting first' },
  surnameAsked: { zh: '询问客户姓氏', en: 'Surname asked' },
  surnameUsed: { zh: '使用称呼', en: 'Surname used' },
  holdAsked: { zh: '等待前征询', en: 'Hold asked first' },
  holdThanked: { zh: '回线后致谢/致歉', en: 'Thanked after hold' },
  holdCallback: { zh: '超过60秒主动回电', en: 'Callback offered for holds over 60 s' },
  anythingElse: { zh: '确认无其他需求', en: '"Anything else?" before closing' },
  closing: { zh: '结束语', en: 'Closing last' },
  forbiddenPhrases: { zh: '服务禁用语', en: 'No forbidden phrases' },
};

const surnameForms = ['先生', '女士', '小姐'];
const han = /^\p{Script=Han}$/u;

/** The script checks of an analysed transcript (internal; autoQa reads the same result). */
export function scriptChecksOf(analysis: TranscriptAnalysis, options: HoldEventsOptions = {}): ScriptCheckResult {
  const contactId = analysis.contact.id === undefined ? {} : { contactId: analysis.contact.id };
  const make = (id: ScriptCheckId, status: CheckStatus, reason: string, evidence: readonly Evidence[] = [], detail?: string): ScriptCheck => ({
    id,
    label: labels[id],
    status,
    reason,
    evidence,
    ...(detail === undefined ? {} : { detail }),
  });
  const messages = analysis.messages;
  const agentMessages = messagesBy(analysis, 'agent');
  if (messages === null || agentMessages.length === 0) {
    const reason = messages === null ? (analysis.reason ?? 'nothing to check') : 'no agent message: nothing the agent said to check';
    const checks = Object.fromEntries(scriptCheckIds.map((id) => [id, make(id, 'notApplicable', reason)])) as ScriptCheckResult['checks'];
    return { ...contactId, checked: messages !== null, ...(messages === null ? { reason } : {}), checks };
  }
  const first = agentMessages[0] as number;
  const last = agentMessages[agentMessages.length - 1] as number;
  const hitsOf = (kind: TemplateKind, from = 0) =>
    agentMessages.filter((i) => i >= from).flatMap((i) => templateHits(analysis, i, kind));

  // Greeting: a full greeting template in the first agent message, nothing before it but 您好's
  // own punctuation; a 喂 before it or only a bare 您好 is the QC v3.1 "1" case.
  const direction = analysis.contact.direction;
  const greetingKinds: TemplateKind[] =
    direction === 'outbound' ? ['greetingOutbound'] : direction === 'inbound' ? ['greetingInbound'] : ['greetingInbound', 'greetingOutbound'];
  const fullInFirst = greetingKinds.flatMap((kind) => templateHits(analysis, first, kind))[0];
  const fullLater = greetingKinds.flatMap((kind) => hitsOf(kind, first + 1))[0];
  const wordInFirst = templateHits(analysis, first, 'greetingWord')[0];
  const firstText = (messages[first] as { text: string }).text;
  const opening = fullInFirst ?? wordInFirst;
  const wei = opening === undefined ? null : findLiteral(firstText.slice(0, opening.start), '喂');
  const weiEvidence: Evidence[] =
    wei === null ? [] : [{ messageIndex: first, speaker: 'agent', start: wei.start, end: wei.end, text: firstText.slice(wei.start, wei.end) }];
  let greeting: ScriptCheck;
  if (fullInFirst !== undefined && wei === null) {
    greeting = make('greeting', 'pass', 'the first agent message opens with a standard greeting', [evidenceOf(fullInFirst)], 'complete');
  } else if (opening !== undefined && wei !== null) {
    greeting = make('greeting', 'fail', 'the greeting is preceded by "喂"', [...weiEvidence, evidenceOf(opening)], 'precededByWei');
  } else if (fullLater !== undefined) {
    greeting = make('greeting', 'fail', 'the standard greeting comes after the first agent message', [evidenceOf(fullLater)], 'notFirst');
  } else if (wordInFirst !== undefined) {
    greeting = make('greeting', 'fail', 'the first agent message greets, but not with a complete standard greeting', [evidenceOf(wordInFirst)], 'incomplete');
  } else {
    greeting = make('greeting', 'fail', 'no greeting in the first agent message', [], 'missing');
  }

  // Closing: a standard closing in the last agent message.
  const closingLast = templateHits(analysis, last, 'closing')[0];
  const closingAny = hitsOf('closing');
  const closingHit = closingLast ?? closingAny[closingAny.length - 1];
  const closing =
    closingLast !== undefined
      ? make('closing', 'pass', 'the last agent message closes with a standard closing', [evidenceOf(closingLast)], 'last')
      : closingHit !== undefined
        ? make('closing', 'fail', 'a standard closing was said, but not in the last agent message', [evidenceOf(closingHit)], 'notLast')
        : make('closing', 'fail', 'no standard closing', [], 'missing');

  // "Anything else?" before the closing (or anywhere, when there is no closing).
  const before = hitsOf('beforeEnding').filter(
    (hit) => closingHit === undefined || hit.messageIndex < closingHit.messageIndex || (hit.messageIndex === closingHit.messageIndex && hit.start < closingHit.start),
  );
  const anythingElse =
    before.length > 0
      ? make('anythingElse', 'pass', 'the agent asked whether the customer needs anything else before closing', [evidenceOf(before[before.length - 1] as TranscriptHit)])
      : make('anythingElse', 'fail', closingHit === undefined ? 'the agent never asked whether the customer needs anything else' : 'no "anything else?" question before the closing');

  // Surname: asked (请问您贵姓), then used (王先生). The surname is read from the customer's
  // answer (姓王, 免贵姓王); when the answer does not say it, any "X先生/女士" counts, less surely.
  const asked = hitsOf('surnameAsk')[0];
  const surnameAsked =
    asked !== undefined
      ? make('surnameAsked', 'pass', 'the agent asked the customer\'s surname', [evidenceOf(asked)])
      : make('surnameAsked', 'fail', 'the agent never asked the customer\'s surname');
  let surnameUsed: ScriptCheck;
  if (asked === undefined) {
    surnameUsed = make('surnameUsed', 'notApplicable', 'the surname was not asked');
  } else {
    const surname = statedSurname(messages, asked.messageIndex);
    let used: Evidence | undefined;
    if (surname !== null) {
      for (const i of agentMessages) {
        if (i < asked.messageIndex || used !== undefined) continue;
        const text = (messages[i] as { text: string }).text;
        for (const form of surnameForms) {
          const span = findLiteral(text, surname + form, i === asked.messageIndex ? asked.end : 0);
          if (span !== null && (used === undefined || span.start < used.start)) {
            used = { messageIndex: i, speaker: 'agent', start: span.start, end: span.end, text: text.slice(span.start, span.end) };
          }
        }
      }
      surnameUsed =
        used !== undefined
          ? make('surnameUsed', 'pass', `the agent addressed the customer by surname (${surname})`, [used], 'surnameStated')
          : make('surnameUsed', 'fail', `the customer gave the surname ${surname}, the agent never used it`, [], 'surnameStated');
    } else {
      const form = hitsOf('surnameUse', asked.messageIndex).find((hit) => hit.messageIndex > asked.messageIndex || hit.start >= asked.end);
      surnameUsed =
        form !== undefined
          ? make('surnameUsed', 'pass', 'the agent used a Mr/Ms form of address after asking (the surname itself was not found)', [evidenceOf(form)], 'surnameNotStated')
          : make('surnameUsed', 'fail', 'the surname was asked but never used', [], 'surnameNotStated');
    }
  }

  // Holds (see holdEvents for the definition).
  const holds = holdsOf(analysis, options);
  const holdEvidence = holds.map((hold) => hold.evidence.ask);
  const holdAsked =
    holds.length === 0
      ? make('holdAsked', 'notApplicable', 'the customer was never asked to wait')
      : holds.every((hold) => hold.askedPermission)
        ? make('holdAsked', 'pass', 'every hold was asked for first (请您稍等可以吗)', holdEvidence)
        : make('holdAsked', 'fail', 'a hold was announced without asking the customer', holds.filter((h) => !h.askedPermission).map((h) => h.evidence.ask));
  const holdThanked =
    holds.length === 0
      ? make('holdThanked', 'notApplicable', 'the customer was never asked to wait')
      : holds.every((hold) => hold.thankedAfter)
        ? make('holdThanked', 'pass', 'the agent thanked or apologised after every hold', holds.flatMap((h) => (h.evidence.thanks ? [h.evidence.thanks] : [])))
        : make('holdThanked', 'fail', 'after a hold the agent neither thanked the customer nor apologised', holds.filter((h) => !h.thankedAfter).map((h) => h.evidence.ask));
  const longHolds = holds.filter((hold) => hold.long);
  const holdCallback =
    longHolds.length === 0
      ? make('holdCallback', 'notApplicable', 'no hold was longer than the limit')
      : longHolds.every((hold) => hold.callbackOffered)
        ? make('holdCallback', 'pass', 'a callback was offered for every long hold', longHolds.flatMap((h) => (h.evidence.callback ? [h.evidence.callback] : [])))
        : make('holdCallback', 'fail', 'a hold ran past the limit without a callback offer', longHolds.filter((h) => !h.callbackOffered).map((h) => h.evidence.ask));

  const forbidden = agentMessages.flatMap((i) => (analysis.byMessage[i] ?? []).filter((hit) => hit.rule === 'forbidden'));
  const forbiddenPhrases =
    forbidden.length === 0
      ? make('forbiddenPhrases', 'pass', 'no forbidden phrase')
      : make('forbiddenPhrases', 'fail', `${forbidden.length} forbidden phrase${forbidden.length === 1 ? '' : 's'}`, forbidden.map(evidenceOf));

  return {
    ...contactId,
    checked: true,
    checks: { greeting, surnameAsked, surnameUsed, holdAsked, holdThanked, holdCallback, anythingElse, closing, forbiddenPhrases },
  };
}

/** The surname a customer stated after the ask: the Han character after 姓 (我姓王, 免贵姓王). */
function statedSurname(messages: readonly { from: string; text: string }[], from: number): string | null {
  for (let i = from + 1; i < messages.length; i++) {
    const message = messages[i] as { from: string; text: string };
    if (message.from !== 'customer') continue;
    const text = message.text;
    for (let at = text.indexOf('姓'); at >= 0; at = text.indexOf('姓', at + 1)) {
      const next = text[at + 1];
      if (next !== undefined && next !== '贵' && han.test(next)) return next;
    }
  }
  return null;
}

/**
 * The service script, checked by machine (seeds 000, 003, 004): greeting present and first
 * (first agent message), surname asked and then used, every hold asked for first, thanked after
 * and — past 60 s — a callback offered, "anything else?" before the closing, the closing present
 * and last, and no forbidden phrase. Each check is `pass`, `fail` or `notApplicable`, with the
 * evidence (message index + UTF-16 offsets) that decided it.
 *
 * @param contact - any contact with `messages`; its `direction` picks inbound or outbound greetings (both when absent)
 * @param phrasebook - the phrasebook (default: {@link defaultPhrasebook})
 * @param options - hold limit, overlap policy
 * @returns every check; all `notApplicable` with a reason when there is nothing to check
 * @example
 * checkScript({ direction: 'inbound', messages: [
 *   { from: 'agent', at: 0, text: '您好,很高兴为您服务!请问您贵姓?' },
 *   { from: 'customer', at: 5_000, text: '免贵姓王' },
 *   { from: 'agent', at: 9_000, text: '王先生您好,请问还有其他问题吗?感谢您的来电,再见!' }] }).checks.surnameUsed.status
 * //=> 'pass'
 * @throws {TranscriptError} when `messages` is present but malformed
 */
export function checkScript(contact: TranscriptContact, phrasebook: Phrasebook = defaultPhrasebook, options: CheckScriptOptions = {}): ScriptCheckResult {
  return scriptChecksOf(analyseTranscript(contact, phrasebook, options.overlapping), options);
}
