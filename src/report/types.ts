import type { BusinessCalendar, SlaRuleSet } from '../calendar/index.js';
import type { Accumulator, KpiOptionsByName, KpiResult, KpiUnit, Label, TargetComparator, TargetPreset, TargetPresetName } from '../metrics/index.js';
import type { Complaint, Contact, Evaluation } from '../records/index.js';
import type { Rubric } from '../rubrics/index.js';
import type { Phrasebook } from '../transcript/index.js';

/**
 * One KPI the report computes under one key: a KPI function name (`answerRate`) or a preset
 * target's id (`satisfactionRate.phone`), what it reads, its unit and label, and its
 * accumulator with options bound (the metrics room's `KpiDefinition.accumulator(options)`).
 */
export interface ReportKpi {
  readonly key: string;
  /** The metrics room's KPI name. */
  readonly kpi: string;
  /** What the builder feeds it: contacts, complaints or score reports. */
  readonly reads: 'contact' | 'complaint' | 'scoreReport';
  readonly unit: KpiUnit;
  readonly label: Label;
  // The report stores each KPI's state opaquely; any accumulator fits.
  readonly accumulator: Accumulator<never, unknown, KpiResult>;
}

/** A target as the report shows it (from the preset's `Target`). */
export interface ReportTarget {
  /** The target's id in its preset (also the KPI's key in the report). */
  readonly id: string;
  readonly kpi: string;
  readonly comparator: TargetComparator;
  readonly threshold: number;
  readonly label: Label;
  /** Seed and passage. */
  readonly source: string;
}

/** A rubric score of one evaluation, as the rubrics room's `scoreEvaluation` reports it. */
export interface ReportScore {
  /** 0–100, or null when it cannot be scored. */
  readonly percent: number | null;
  /** Red-line rules broken (score forced to 0). */
  readonly redLines?: readonly string[];
}

/** One SLA rule checked on one complaint (the calendar room's `checkSla` step, condensed). */
export interface ReportSlaCheck {
  /** Rule id, e.g. `ecommerceComplaintLevels.resolveLevel1`. */
  readonly rule: string;
  readonly label?: Label;
  /** true met, false missed (or overdue), null pending. */
  readonly met: boolean | null;
}

/** Input counts, as the reader saw them (the CLI reports them with `noteInput`). */
export interface ReportInputCounts {
  /** Rows read. */
  readonly rows: number;
  /** Rows turned into records and added. */
  readonly accepted: number;
  /** Rows refused by validation (written to the rejects file). */
  readonly rejected: number;
  /** Rows whose id was seen before (kept once). */
  readonly duplicates: number;
}

/** Options of {@link createReportBuilder}. */
export interface ReportBuilderOptions {
  /** The center's IANA time zone: which month a contact belongs to. Default `Asia/Shanghai`. */
  readonly timeZone?: string;
  /** The target preset: a name of the metrics room's `targetPresets`, or a preset from `defineTargets`. */
  readonly preset?: TargetPresetName | TargetPreset;
  /** Report only this month (`YYYY-MM`); its previous month is kept for the change column. */
  readonly month?: string;
  /**
   * The business calendar: working hours for targets that need them (seed 000's answer rate)
   * and for SLA deadlines. Default: `calendars.chinaMainland` when `timeZone` is `Asia/Shanghai`,
   * otherwise 09:00–18:00 Monday to Friday in `timeZone` (seed 000's hours, no holidays).
   */
  readonly calendar?: BusinessCalendar;
  /** SLA rule sets complaints are checked against; default chosen by the preset (docs/report.md). */
  readonly slaRuleSets?: readonly SlaRuleSet[];
  /** The moment open SLA steps are judged at (pending vs overdue), epoch ms. Default: the current time. */
  readonly now?: number;
  /**
   * KPI names to compute besides the preset's targets; default every KPI of the metrics room that
   * needs no bound function.
   */
  readonly kpis?: readonly string[];
  /**
   * The phrasebook transcripts are checked with for the `scriptCompliance` KPI (the transcript
   * room's `scriptCompliant`: greeting, closing, no forbidden phrase…). Default `defaultPhrasebook`;
   * `null` skips the check (it is the costliest KPI: a full transcript scan per chat).
   */
  readonly phrasebook?: Phrasebook | null;
  /** Options by KPI name (functions such as `isCompliant` for `scriptCompliance`); these win over the defaults. */
  readonly kpiOptions?: KpiOptionsByName;
  /** The rubric evaluations are scored against with the rubrics room's `scoreEvaluation`. Default `qcRubricV31`. */
  readonly rubric?: Rubric;
  /** Scores an evaluation; replaces `scoreEvaluation(rubric, evaluation)` (e.g. to combine raters first). */
  readonly scoreEvaluation?: (evaluation: Evaluation) => ReportScore;
  /** Checks a complaint's deadlines; replaces the calendar room's `checkSla` over `slaRuleSets`. */
  readonly checkComplaint?: (complaint: Complaint) => readonly ReportSlaCheck[];
  /** Training assessment per agent, 0–1 (seed 002's 20 % part); without it the score uses KPI 75 % + feedback 25 %. */
  readonly training?: Readonly<Record<string, number>>;
  /** How many missed-SLA complaints to list (default 20). */
  readonly listMissed?: number;
}

/** A KPI in a report: its result, the target, met/missed and the change from the previous month. */
export interface ReportKpiEntry {
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number;
  /** Why `value` is null (present only then). */
  readonly reason?: string;
  /** Records in scope that lacked the data to be judged. */
  readonly excluded?: number;
  readonly unit: KpiUnit;
  readonly label: Label;
  /** The preset's target, or null when the preset has none for this KPI. */
  readonly target: ReportTarget | null;
  /** true met, false missed, null when there is no target or no value. */
  readonly met: boolean | null;
  /** How far past the target, in the KPI's unit: positive = met with room, negative = missed by. */
  readonly margin: number | null;
  /** The latest month against the month before, or null when either has no value. */
  readonly change: ReportChange | null;
}

/** Month-over-month change of one KPI. */
export interface ReportChange {
  /** `YYYY-MM` of the latest month and of the one compared against. */
  readonly month: string;
  readonly previousMonth: string;
  readonly value: number | null;
  readonly previous: number | null;
  /** `value − previous`, or null with `reason`. */
  readonly delta: number | null;
  readonly reason?: string;
}

/** A group's KPIs (the whole input, a month, an agent, a channel, a topic). */
export interface ReportGroup {
  /** Contacts counted in the group. */
  readonly contacts: number;
  readonly kpis: Readonly<Record<string, ReportKpiEntry>>;
}

/** QA score statistics. */
export interface ReportQa {
  /** Evaluations scored. */
  readonly evaluations: number;
  /** Evaluations that could not be scored (unknown items, invalid points…), with their count by reason. */
  readonly unscored: number;
  /** Evaluations whose contact was never added (counted in the whole only). */
  readonly unmatched: number;
  readonly mean: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly reason?: string;
  /** Ten buckets of 10 points: `[0,10)`, …, `[90,100]`. */
  readonly distribution: readonly { readonly from: number; readonly to: number; readonly count: number }[];
  /** Evaluations with a red line broken, by rule. */
  readonly redLines: Readonly<Record<string, number>>;
}

/** SLA compliance of complaints. */
export interface ReportSla {
  readonly complaints: number;
  /** Compliance over every due check: met ÷ (met + missed). */
  readonly compliance: number | null;
  readonly reason?: string;
  readonly rules: Readonly<
    Record<string, { readonly label: Label | null; readonly met: number; readonly missed: number; readonly pending: number; readonly rate: number | null }>
  >;
  /** The first complaints that missed a rule (customer id masked when rendered). */
  readonly missed: readonly { readonly id: string; readonly customerId: string | null; readonly level: number | null; readonly rules: readonly string[] }[];
}

/** Agent performance flags and awards (seed 002, the metrics room's `agentPerformance`). */
export interface ReportAgents {
  /** The month ranked (`YYYY-MM`), or null without data. */
  readonly month: string | null;
  /** The weights used: `{ kpi, feedback, training }`. */
  readonly weights: { readonly kpi: number; readonly feedback: number; readonly training: number };
  /** Flags by agent id: `retraining`, `promotion`. */
  readonly flags: Readonly<Record<string, readonly string[]>>;
  /** Awards: `highestCsat`, `highestFcr`, with the winner's value (ties share). */
  readonly awards: readonly { readonly award: string; readonly label: Label; readonly agentId: string; readonly value: number }[];
  /** Agents best first: score (0–1), rank, share of targets met, feedback, contacts. */
  readonly ranking: readonly {
    readonly agentId: string;
    readonly score: number | null;
    readonly rank: number | null;
    readonly attainment: number | null;
    readonly feedback: number | null;
    readonly contacts: number;
  }[];
}

/** The report: a documented, stable JSON object (see docs/report.md). */
export interface MonthlyReport {
  readonly schema: 'callcenter-qa/monthly-report@1';
  readonly input: ReportInputCounts & { readonly contacts: number; readonly complaints: number; readonly evaluations: number; readonly outsidePeriod: number };
  readonly period: { readonly from: string | null; readonly to: string | null; readonly months: readonly string[]; readonly timeZone: string };
  readonly preset: string | null;
  readonly kpis: Readonly<Record<string, ReportKpiEntry>>;
  readonly byMonth: Readonly<Record<string, ReportGroup>>;
  readonly byAgent: Readonly<Record<string, ReportGroup>>;
  readonly byChannel: Readonly<Record<string, ReportGroup>>;
  readonly byTopic: Readonly<Record<string, ReportGroup>>;
  readonly qa: ReportQa;
  readonly sla: ReportSla | null;
  readonly agents: ReportAgents;
  /** What the report could not include and why (a missing room, unscored evaluations…). */
  readonly notes: readonly string[];
}

/** Renderer options shared by every format. */
export interface RenderOptions {
  /** Label language. Default `zh`. */
  readonly lang?: 'zh' | 'en';
  /** Show customer ids and phone numbers unmasked. Default false. */
  readonly showPii?: boolean;
}
