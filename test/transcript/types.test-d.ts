import { expectTypeOf, test } from 'vitest';
import type { CallRecord, ChatRecord, Contact, Evaluation } from '../../src/records/index.js';
import type { qcRubricV31 } from '../../src/rubrics/index.js';
import {
  autoQa,
  checkScript,
  findPhrases,
  mergeAutoQa,
  scanTranscript,
  scriptCompliant,
  type AutoQaResult,
  type AutoQaRubric,
  type CheckStatus,
  type Phrasebook,
  type ScriptCheckResult,
  type TextHit,
  type TranscriptContact,
} from '../../src/transcript/index.js';

test('every record of the records room is a transcript contact', () => {
  expectTypeOf<ChatRecord>().toMatchTypeOf<TranscriptContact>();
  expectTypeOf<CallRecord>().toMatchTypeOf<TranscriptContact>();
  expectTypeOf<Contact>().toMatchTypeOf<TranscriptContact>();
});

test('the rubrics room\'s rubric fits autoQa structurally', () => {
  expectTypeOf<typeof qcRubricV31>().toMatchTypeOf<AutoQaRubric>();
  expectTypeOf(autoQa).returns.toEqualTypeOf<AutoQaResult>();
});

test('public signatures', () => {
  expectTypeOf(scriptCompliant).returns.toEqualTypeOf<boolean | null>();
  expectTypeOf(scriptCompliant).parameter(1).toEqualTypeOf<Phrasebook | undefined>();
  expectTypeOf(findPhrases).returns.toEqualTypeOf<TextHit[]>();
  expectTypeOf(checkScript).returns.toEqualTypeOf<ScriptCheckResult>();
  expectTypeOf<ScriptCheckResult['checks']['greeting']['status']>().toEqualTypeOf<CheckStatus>();
  expectTypeOf(scanTranscript({}).hits[0]!.messageIndex).toEqualTypeOf<number>();
  // mergeAutoQa keeps the evaluation's own type.
  expectTypeOf(mergeAutoQa([], {} as Evaluation)).toEqualTypeOf<Evaluation>();
});

test('a hit is a tagged union on rule', () => {
  const hit = {} as TextHit;
  if (hit.rule === 'template') expectTypeOf(hit.kind).toBeString();
  else expectTypeOf(hit.severity).toEqualTypeOf<'redLine' | 'major' | 'minor'>();
});
