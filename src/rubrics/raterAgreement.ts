import { compileRubric } from './compileRubric.js';
import { rubricIssue, ScoringError, type RubricIssue } from './errors.js';
import { krippendorffAlpha, type AlphaResult } from './krippendorffAlpha.js';
import { scoreEvaluation } from './scoreEvaluation.js';
import type { Rubric, ScorableEvaluation, ScoreReport } from './types.js';

/** Options of `raterAgreement`. */
export interface RaterAgreementOptions {
  /** The rubric the evaluations were made with. */
  readonly rubric: Rubric;
  /**
   * What each rater is compared with: `'consensus'` (default; the mean of every rater of the
   * contact, the rater included) or the id of an expert rater (calibration against a QA lead).
   */
  readonly reference?: 'consensus' | (string & {});
}

/** How one criterion of one rater lines up with the reference. */
export interface ItemAlignment {
  readonly id: string;
  /** Contacts where both the rater and the reference scored the item (not excluded as N/A). */
  readonly compared: number;
  /** Mean signed deviation in points (positive: more lenient). */
  readonly meanDeviation: number | null;
  /** `1 − mean(|rater − reference|) / item max`, each deviation capped at the item max. */
  readonly alignment: number | null;
}

/** One rater's standing against the reference. */
export interface RaterStanding {
  readonly raterId: string;
  /** Contacts compared. */
  readonly contacts: number;
  /** Leniency: mean signed deviation of the rater's totals from the reference's, in points. */
  readonly leniency: number | null;
  /** The same in percentage points (contacts where both percentages exist). */
  readonly leniencyPercent: number | null;
  /** Alignment over every criterion, weighted by item max: `1 − Σ |d| / Σ max`. */
  readonly alignment: number | null;
  readonly items: readonly ItemAlignment[];
  readonly reason: string | null;
}

/** Calibration of a set of raters on a set of contacts. */
export interface RaterAgreement {
  readonly rubricId: string;
  readonly reference: string;
  /** Contacts rated (units). */
  readonly contacts: number;
  /** Contacts left out of leniency and alignment, and why (one rater only, no expert rating). */
  readonly skipped: readonly { readonly contactId: string; readonly reason: string }[];
  readonly raters: readonly RaterStanding[];
  /** Krippendorff's alpha (interval) of the totals: contacts are units, raters observers. */
  readonly reliability: AlphaResult;
  /** Krippendorff's alpha (interval) of each item's points (N/A-excluded ratings missing). */
  readonly itemReliability: readonly ({ readonly id: string } & AlphaResult)[];
}

interface Tally {
  contacts: number;
  deviation: number;
  percentDeviation: number;
  percentCount: number;
  absolute: number[];
  signed: number[];
  compared: number[];
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/**
 * Calibration of raters (seed 003: several raters per sampled call): each rater's leniency
 * (mean signed deviation of their totals from the reference), per-criterion alignment
 * (`1 − |rater − reference| / item max`, and over all criteria weighted by item max), and the
 * inter-rater reliability of the totals and of each item as Krippendorff's alpha (interval
 * metric; missing ratings allowed).
 *
 * The reference is the consensus (mean of every rater of the contact; contacts with a single
 * rater are skipped, there is nothing to agree with) or a named expert (contacts the expert
 * did not rate are skipped; the expert is not listed among the raters).
 *
 * @param evaluations - evaluations of one rubric, several raters per contact
 * @param options - the rubric and the reference
 * @returns leniency, alignment and reliability
 * @example
 * raterAgreement(evaluations, { rubric: qcRubricV31 }).reliability.alpha //=> 0.91…
 * @throws {ScoringError} with every problem of every evaluation (path `[k].scores.greeting`),
 *   a rater rating one contact twice, or a reference rater who rated nothing
 */
export function raterAgreement(evaluations: readonly ScorableEvaluation[], options: RaterAgreementOptions): RaterAgreement {
  const { rubric } = options;
  const reference = options.reference ?? 'consensus';
  const c = compileRubric(rubric);
  const issues: RubricIssue[] = [];
  const units = new Map<string, Map<string, ScoreReport>>();
  evaluations.forEach((evaluation, k) => {
    let report: ScoreReport;
    try {
      report = scoreEvaluation(rubric, evaluation);
    } catch (error) {
      if (!(error instanceof ScoringError)) throw error;
      for (const issue of error.issues) issues.push({ ...issue, path: [k, ...issue.path] });
      return;
    }
    const unit = units.get(report.contactId) ?? new Map<string, ScoreReport>();
    units.set(report.contactId, unit);
    if (unit.has(report.raterId)) issues.push(rubricIssue([k, 'raterId'], `one evaluation per rater and contact (contact ${JSON.stringify(report.contactId)})`, report.raterId));
    else unit.set(report.raterId, report);
  });
  const byExpert = reference !== 'consensus';
  if (byExpert && issues.length === 0 && ![...units.values()].some((unit) => unit.has(reference))) {
    issues.push(rubricIssue(['reference'], '"consensus" or the id of a rater who rated at least one contact', reference));
  }
  if (issues.length > 0) throw new ScoringError(rubric.id, issues);

  const n = c.itemCount;
  const tallies = new Map<string, Tally>();
  const skipped: { contactId: string; reason: string }[] = [];
  for (const [contactId, unit] of units) {
    const reports = [...unit.values()];
    let refTotal: number;
    let refPercent: number | null;
    const refItems: (number | null)[] = [];
    if (byExpert) {
      const expert = unit.get(reference);
      if (expert === undefined) {
        skipped.push({ contactId, reason: `not rated by the reference rater ${reference}` });
        continue;
      }
      refTotal = expert.total;
      refPercent = expert.percent;
      for (const item of expert.items) refItems.push(item.na && item.max === 0 ? null : item.points);
    } else {
      if (reports.length < 2) {
        skipped.push({ contactId, reason: 'a single rater: no consensus to compare with' });
        continue;
      }
      refTotal = mean(reports.map((r) => r.total));
      const percents = reports.flatMap((r) => (r.percent === null ? [] : [r.percent]));
      refPercent = percents.length === 0 ? null : mean(percents);
      for (let i = 0; i < n; i++) {
        const points = reports.flatMap((r) => {
          const item = r.items[i];
          return item === undefined || (item.na && item.max === 0) ? [] : [item.points];
        });
        refItems.push(points.length === 0 ? null : mean(points));
      }
    }
    for (const report of reports) {
      if (byExpert && report.raterId === reference) continue;
      let tally = tallies.get(report.raterId);
      if (tally === undefined) {
        tally = { contacts: 0, deviation: 0, percentDeviation: 0, percentCount: 0, absolute: Array<number>(n).fill(0), signed: Array<number>(n).fill(0), compared: Array<number>(n).fill(0) };
        tallies.set(report.raterId, tally);
      }
      tally.contacts++;
      tally.deviation += report.total - refTotal;
      if (report.percent !== null && refPercent !== null) {
        tally.percentDeviation += report.percent - refPercent;
        tally.percentCount++;
      }
      for (let i = 0; i < n; i++) {
        const item = report.items[i];
        const ref = refItems[i];
        if (item === undefined || ref === null || ref === undefined || (item.na && item.max === 0)) continue;
        const top = c.itemTop[i] as number;
        const d = item.points - ref;
        tally.signed[i] = (tally.signed[i] as number) + d;
        tally.absolute[i] = (tally.absolute[i] as number) + Math.min(Math.abs(d), top);
        tally.compared[i] = (tally.compared[i] as number) + 1;
      }
    }
  }

  const raters: RaterStanding[] = [...tallies].map(([raterId, t]) => {
    let absolute = 0;
    let weight = 0;
    const items: ItemAlignment[] = c.itemIds.map((id, i) => {
      const compared = t.compared[i] as number;
      const top = c.itemTop[i] as number;
      absolute += t.absolute[i] as number;
      weight += compared * top;
      return {
        id,
        compared,
        meanDeviation: compared === 0 ? null : (t.signed[i] as number) / compared,
        alignment: compared === 0 || top === 0 ? null : 1 - (t.absolute[i] as number) / (compared * top),
      };
    });
    return {
      raterId,
      contacts: t.contacts,
      leniency: t.contacts === 0 ? null : t.deviation / t.contacts,
      leniencyPercent: t.percentCount === 0 ? null : t.percentDeviation / t.percentCount,
      alignment: weight === 0 ? null : 1 - absolute / weight,
      items,
      reason: t.contacts === 0 ? 'no contact compared' : weight === 0 ? 'no criterion compared' : null,
    };
  });

  const unitReports = [...units.values()].map((unit) => [...unit.values()]);
  return {
    rubricId: rubric.id,
    reference,
    contacts: units.size,
    skipped,
    raters,
    reliability: krippendorffAlpha(unitReports.map((reports) => reports.map((r) => r.total))),
    itemReliability: c.itemIds.map((id, i) => ({
      id,
      ...krippendorffAlpha(
        unitReports.map((reports) =>
          reports.map((r) => {
            const item = r.items[i];
            return item === undefined || (item.na && item.max === 0) ? null : item.points;
          }),
        ),
      ),
    })),
  };
}
