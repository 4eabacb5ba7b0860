export type { Speaker, TranscriptMessage, TranscriptContact, Evidence, CheckStatus, PhrasebookOptions } from './types.js';
export { TranscriptError, type TranscriptIssue } from './errors.js';
export {
  phraseEntrySchema,
  templateEntrySchema,
  phrasebookSchema,
  phraseRules,
  templateKinds,
  severities,
  phrasePositions,
  type Phrasebook,
  type PhrasebookInput,
  type PhraseEntry,
  type PhraseEntryInput,
  type TemplateEntry,
  type TemplateEntryInput,
  type PhraseRule,
  type TemplateKind,
  type Severity,
} from './phrasebookSchema.js';
export { definePhrasebook } from './definePhrasebook.js';
export { extendPhrasebook, type PhrasebookAdditions } from './extendPhrasebook.js';
export { defaultPhrasebook, defaultPhrasebookSpec } from './defaultPhrasebook.js';
export { normalizeTranscriptText, type NormalizedText } from './normalizeTranscriptText.js';
export type { PhraseHit, TemplateHit, TextHit } from './matchText.js';
export type { TranscriptHit } from './analyseTranscript.js';
export { findPhrases, type FindPhrasesOptions } from './findPhrases.js';
export { scanTranscript, type ScanTranscriptOptions, type TranscriptScan } from './scanTranscript.js';
export { checkScript, scriptCheckIds, type ScriptCheckId, type ScriptCheck, type ScriptCheckResult, type CheckScriptOptions } from './checkScript.js';
export {
  responseTiming,
  firstResponseTargetSeconds,
  averageResponseTargetSeconds,
  type ResponseTiming,
  type ResponseTimingOptions,
  type ResponseGap,
} from './responseTiming.js';
export { holdEvents, maxHoldSeconds, type HoldEvent, type HoldEventsOptions } from './holdEvents.js';
export { customerAlerts, supervisorDeadlineMinutes, type CustomerAlert, type CustomerAlertsOptions } from './customerAlerts.js';
export { transcriptTiming, type TranscriptTiming, type TranscriptTimingOptions } from './transcriptTiming.js';
export { autoQa, autoQaItemIds, type AutoQaItemId, type AutoQaRubric, type AutoQaSuggestion, type AutoQaOptions, type AutoQaResult } from './autoQa.js';
export { mergeAutoQa, type MergeAutoQaOptions, type RaterEvaluation } from './mergeAutoQa.js';
export { scriptCompliant } from './scriptCompliant.js';
export { transcriptSummary, defaultScriptRequirements, type TranscriptSummary, type TranscriptSummaryOptions } from './transcriptSummary.js';
export {
  scriptComplianceAccumulator,
  type ScriptComplianceAccumulator,
  type ScriptComplianceState,
  type ScriptComplianceResult,
} from './scriptComplianceAccumulator.js';
