import { defaultPhrasebook } from './defaultPhrasebook.js';
import type { Phrasebook } from './phrasebookSchema.js';
import { transcriptSummary, type TranscriptSummaryOptions } from './transcriptSummary.js';
import type { TranscriptContact } from './types.js';

/** The accumulator's state: plain numbers, so it merges across workers and groups. */
export interface ScriptComplianceState {
  compliant: number;
  checked: number;
  /** Contacts without messages or without an agent message: in no ratio, counted. */
  notCheckable: number;
  forbiddenHits: number;
  slangHits: number;
  alerts: number;
  holdViolations: number;
}

/** Script compliance over many contacts, with the alert and violation counts. */
export interface ScriptComplianceResult {
  /** compliant ÷ checked, in [0, 1]; `null` with a reason when nothing was checkable. */
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number;
  readonly reason?: string;
  /** Contacts that could not be checked; absent when 0. */
  readonly excluded?: number;
  readonly forbiddenHits: number;
  readonly slangHits: number;
  readonly alerts: number;
  readonly holdViolations: number;
}

/** An accumulator of the metrics room's shape (`empty`, `add`, `merge`, `result`). */
export interface ScriptComplianceAccumulator {
  empty(): ScriptComplianceState;
  add(state: ScriptComplianceState, contact: TranscriptContact): ScriptComplianceState;
  merge(a: ScriptComplianceState, b: ScriptComplianceState): ScriptComplianceState;
  result(state: ScriptComplianceState): ScriptComplianceResult;
}

/**
 * Script compliance as a mergeable accumulator, for the metrics room's `scriptCompliance` KPI
 * (seed 002 话术合规率 ≥ 95 %): value = script-compliant contacts ÷ contacts checked; contacts that
 * cannot be checked are `excluded` (counted, in neither number). The state also sums forbidden
 * and slang hits, customer alerts and hold violations. `add` keeps no reference to the contact.
 *
 * @param phrasebook - the phrasebook (default: {@link defaultPhrasebook})
 * @param options - the checks required, hold limit
 * @returns the accumulator
 * @example
 * const acc = scriptComplianceAccumulator();
 * const state = acc.add(acc.empty(), { messages: [{ from: 'agent', at: 0, text: '不知道' }] });
 * acc.result(state).value //=> 0
 */
export function scriptComplianceAccumulator(phrasebook: Phrasebook = defaultPhrasebook, options: TranscriptSummaryOptions = {}): ScriptComplianceAccumulator {
  return {
    empty: () => ({ compliant: 0, checked: 0, notCheckable: 0, forbiddenHits: 0, slangHits: 0, alerts: 0, holdViolations: 0 }),
    add(state, contact) {
      const summary = transcriptSummary(contact, phrasebook, options);
      if (summary.scriptCompliant === null) state.notCheckable++;
      else {
        state.checked++;
        if (summary.scriptCompliant) state.compliant++;
      }
      state.forbiddenHits += summary.forbiddenHits;
      state.slangHits += summary.slangHits;
      state.alerts += summary.alerts;
      state.holdViolations += summary.holdViolations;
      return state;
    },
    merge(a, b) {
      a.compliant += b.compliant;
      a.checked += b.checked;
      a.notCheckable += b.notCheckable;
      a.forbiddenHits += b.forbiddenHits;
      a.slangHits += b.slangHits;
      a.alerts += b.alerts;
      a.holdViolations += b.holdViolations;
      return a;
    },
    result(state) {
      const counts = { forbiddenHits: state.forbiddenHits, slangHits: state.slangHits, alerts: state.alerts, holdViolations: state.holdViolations };
      const excluded = state.notCheckable > 0 ? { excluded: state.notCheckable } : {};
      if (state.checked === 0) return { value: null, numerator: 0, denominator: 0, reason: 'no contact with a transcript to check', ...excluded, ...counts };
      return { value: state.compliant / state.checked, numerator: state.compliant, denominator: state.checked, ...excluded, ...counts };
    },
  };
}
