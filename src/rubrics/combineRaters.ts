import { rubricIssue, ScoringError, type RubricIssue } from './errors.js';
import { spreadOf, type Spread } from './spread.js';
import type { ScoreReport } from './types.js';

/** Several raters' reports of one contact, combined. */
export interface CombinedScore {
  readonly rubricId: string | null;
  readonly contactId: string | null;
  /** The raters, in the order of the reports. */
  readonly raterIds: readonly string[];
  /** The totals: `mean` is the combined score of seed 003. */
  readonly total: Spread;
  /** The percentages (reports whose percentage is `null` are left out and counted in `count`). */
  readonly percent: Spread;
  readonly sections: readonly ({ readonly id: string } & Spread)[];
  /** Item points; an item a rater marked N/A under `exclude` is left out of that item's spread. */
  readonly items: readonly ({ readonly id: string } & Spread)[];
}

const noReports = 'no reports to combine';

/**
 * Combines several raters' score reports of the same contact: mean, minimum, maximum and
 * population standard deviation of the totals, percentages, sections and items.
 * Seed 003 (gas utility): each sampled call is scored by at least three raters and the score
 * is their average; the spread shows how far they agree.
 *
 * @param reports - reports from `scoreEvaluation`, one per rater, same rubric and contact
 * @returns the combined score; every spread `null` with a reason when `reports` is empty
 * @example
 * combineRaters([report80, report90, report100]).total //=> { count: 3, mean: 90, min: 80, max: 100, sd: 8.1649…, reason: null }
 * @throws {ScoringError} when the reports are of different rubrics or contacts, or one rater
 *   appears twice
 */
export function combineRaters(reports: readonly ScoreReport[]): CombinedScore {
  const first = reports[0];
  const issues: RubricIssue[] = [];
  const raters = new Set<string>();
  reports.forEach((report, k) => {
    if (report.rubricId !== first?.rubricId) issues.push(rubricIssue([k, 'rubricId'], `the same rubric as the first report, ${JSON.stringify(first?.rubricId)}`, report.rubricId));
    if (report.contactId !== first?.contactId) issues.push(rubricIssue([k, 'contactId'], `the same contact as the first report, ${JSON.stringify(first?.contactId)}`, report.contactId));
    if (raters.has(report.raterId)) issues.push(rubricIssue([k, 'raterId'], 'one report per rater', report.raterId));
    raters.add(report.raterId);
  });
  if (issues.length > 0) throw new ScoringError(first?.rubricId ?? '', issues, first?.contactId);

  const percents: number[] = [];
  for (const report of reports) if (report.percent !== null) percents.push(report.percent);
  const reason = reports.length === 0 ? noReports : 'every report has a null percentage (nothing applicable)';
  return {
    rubricId: first?.rubricId ?? null,
    contactId: first?.contactId ?? null,
    raterIds: reports.map((r) => r.raterId),
    total: spreadOf(reports.map((r) => r.total), noReports),
    percent: spreadOf(percents, reason),
    sections: (first?.sections ?? []).map((section, s) => ({
      id: section.id,
      ...spreadOf(reports.map((r) => r.sections[s]?.score ?? 0), noReports),
    })),
    items: (first?.items ?? []).map((item, i) => {
      const points: number[] = [];
      for (const report of reports) {
        const it = report.items[i];
        if (it !== undefined && !(it.na && it.max === 0)) points.push(it.points);
      }
      return { id: item.id, ...spreadOf(points, 'every rater marked the item N/A (excluded)') };
    }),
  };
}
