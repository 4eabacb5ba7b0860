import { MetricsError, type MetricsIssue } from '../errors.js';
import { checkOneOf } from '../tally.js';

/** One agent's month: the inputs of seed 002's performance formula, each a fraction in [0, 1]. */
export interface AgentMonth {
  readonly agentId: string;
  /** `YYYY-MM`. */
  readonly month: string;
  /** KPI attainment (e.g. `checkTargets(results, preset).attainment.value` for the agent). */
  readonly kpiAttainment: number | null;
  /** Customer feedback score, 0–1 (e.g. satisfaction rate, or CSAT ÷ 5). */
  readonly customerFeedback: number | null;
  /** Training assessment, 0–1 (exam score ÷ full marks). */
  readonly training: number | null;
  /** The month's CSAT (1–5), for the top-20 % promotion rule and the CSAT award. */
  readonly csat?: number | null;
  /** The month's FCR (0–1), for the FCR award. */
  readonly fcr?: number | null;
  /** Whether the agent met the KPI targets this month; default `kpiAttainment === 1`. */
  readonly kpiTargetsMet?: boolean;
}

/** Weights of the three parts of an agent's score. */
export interface AgentWeights {
  readonly kpi: number;
  readonly feedback: number;
  readonly training: number;
}

/** Seed 002 §7.3: KPI 60 % + customer feedback 20 % + training 20 %. */
export const agentWeights: AgentWeights = { kpi: 0.6, feedback: 0.2, training: 0.2 };

/** How a share of a team becomes a head count. */
export type HeadcountRounding = 'ceil' | 'floor' | 'round';

/** Options of {@link agentPerformance}. */
export interface AgentPerformanceOptions {
  /** The month to rank (`YYYY-MM`); default the latest month in the input. */
  readonly month?: string;
  /** Default {@link agentWeights}; must sum to 1. */
  readonly weights?: AgentWeights;
  /** Share flagged for retraining (default 0.1, "排名后10%的员工需参加补训"). */
  readonly retrainingShare?: number;
  /** Share by CSAT eligible for promotion (default 0.2, "CSAT排名前20%"). */
  readonly promotionShare?: number;
  /** Consecutive months on target for promotion (default 3, "连续3个月KPI达标"). */
  readonly promotionMonths?: number;
  /**
   * How a share becomes a head count (default `ceil`: the bottom 10 % of 5 agents is 1 agent,
   * of 11 agents 2; `floor` flags nobody in teams under 10).
   */
  readonly rounding?: HeadcountRounding;
  /** Teams smaller than this get no retraining or promotion flags (default 2: one agent is not "the bottom 10 %"). */
  readonly minTeamSize?: number;
}

/** One agent's standing in the month. */
export interface AgentStanding {
  readonly agentId: string;
  /** 0.6 × KPI + 0.2 × feedback + 0.2 × training, in [0, 1]; `null` when a part is missing. */
  readonly score: number | null;
  /** 1 = best; tied scores share a rank (1, 2, 2, 4); `null` when not scored. */
  readonly rank: number | null;
  readonly retraining: boolean;
  readonly promotion: boolean;
  /** Months on target in a row, ending with this month. */
  readonly monthsOnTarget: number;
  /** In the top share by CSAT this month. */
  readonly topByCsat: boolean;
  readonly awards: readonly ('highestCsat' | 'highestFcr')[];
  /** Why the score is null. */
  readonly reason?: string;
}

/** The month's result for the whole team. */
export interface AgentPerformanceResult {
  readonly month: string;
  /** Best first; unscored agents last. */
  readonly agents: readonly AgentStanding[];
  readonly retraining: readonly string[];
  readonly promotion: readonly string[];
  /** Seed 002 服务之星: highest CSAT and highest FCR; every agent tied at the top shares it. */
  readonly awards: { readonly highestCsat: readonly string[]; readonly highestFcr: readonly string[] };
}

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

const previousMonth = (month: string): string => {
  const m = monthPattern.exec(month)!;
  const year = Number(m[1]);
  const mon = Number(m[2]);
  return mon === 1 ? `${year - 1}-12` : `${year}-${String(mon - 1).padStart(2, '0')}`;
};

const headcount = (n: number, share: number, rounding: HeadcountRounding): number =>
  Math.min(n, rounding === 'ceil' ? Math.ceil(n * share - 1e-9) : rounding === 'floor' ? Math.floor(n * share + 1e-9) : Math.round(n * share));

const isFraction = (v: unknown): boolean => typeof v === 'number' && v >= 0 && v <= 1;

/**
 * The composite of one agent's month (seed 002 §7.3).
 *
 * @param parts - KPI attainment, customer feedback, training, each in [0, 1]
 * @param weights - default 60 / 20 / 20
 * @returns the weighted sum in [0, 1], or `null` when a part is missing
 * @example
 * agentScore({ kpiAttainment: 0.9, customerFeedback: 0.8, training: 1 }) //=> 0.9  (0.54 + 0.16 + 0.2)
 */
export function agentScore(
  parts: Pick<AgentMonth, 'kpiAttainment' | 'customerFeedback' | 'training'>,
  weights: AgentWeights = agentWeights,
): number | null {
  const { kpiAttainment, customerFeedback, training } = parts;
  if (kpiAttainment === null || customerFeedback === null || training === null) return null;
  return weights.kpi * kpiAttainment + weights.feedback * customerFeedback + weights.training * training;
}

/** Inputs of seed 002's supervisor formula, each in [0, 1]. */
export interface SupervisorMonth {
  /** Team KPI attainment 团队KPI达标率. */
  readonly teamKpiAttainment: number | null;
  /** QA pass rate 抽检合格率. */
  readonly qaPassRate: number | null;
  /** Improvement actions delivered 改进措施落地率. */
  readonly improvementDelivery: number | null;
}

/**
 * A supervisor's composite (seed 002 §7.3): team KPI attainment 50 % + QA pass rate 30 % +
 * improvement actions delivered 20 %.
 *
 * @param month - the three parts in [0, 1]
 * @param weights - default `[0.5, 0.3, 0.2]`
 * @returns the weighted sum, or `null` when a part is missing
 * @example
 * supervisorScore({ teamKpiAttainment: 0.8, qaPassRate: 0.9, improvementDelivery: 0.5 }) //=> 0.77  (0.4 + 0.27 + 0.1)
 */
export function supervisorScore(month: SupervisorMonth, weights: readonly [number, number, number] = [0.5, 0.3, 0.2]): number | null {
  const { teamKpiAttainment, qaPassRate, improvementDelivery } = month;
  if (teamKpiAttainment === null || qaPassRate === null || improvementDelivery === null) return null;
  return weights[0] * teamKpiAttainment + weights[1] * qaPassRate + weights[2] * improvementDelivery;
}

/**
 * Seed 002's monthly agent performance (§5.2.3, §7.3): each agent's composite score and rank;
 * the bottom 10 % flagged for retraining; promotion when the KPI targets were met three months
 * running (this month and the two calendar months before) AND the agent ranks in the top 20 %
 * by CSAT this month; the monthly awards for the highest CSAT and the highest FCR.
 *
 * Ties and small teams: a share of n agents is `rounding(n × share)` agents (default `ceil`);
 * everyone tied with the last agent inside the cut is inside too (so ties at the cut are all
 * flagged, and the count can exceed the share); teams under `minTeamSize` (default 2) get no
 * flags. Agents missing a part have no score, no rank and no retraining flag (`reason` says
 * why); agents without CSAT are not in the CSAT ranking.
 *
 * @param months - agent-months (the ranked month, plus earlier months for the promotion rule)
 * @param options - month, weights, shares, rounding, minimum team size
 * @returns the standings, flags and awards of the month
 * @example
 * // 5 agents scoring 0.9, 0.8, 0.8, 0.7, 0.6 → ceil(5 × 10 %) = 1 → the 0.6 agent is flagged
 * agentPerformance(months).retraining //=> ['e']
 * @throws {MetricsError} when a part is outside [0, 1], a month is not YYYY-MM, an agent appears twice in a month, a
 *   weight is not in [0, 1] or the weights do not sum to 1, `promotionMonths` / `minTeamSize` is not a whole number, or
 *   `rounding` is unknown
 */
export function agentPerformance(months: Iterable<AgentMonth>, options: AgentPerformanceOptions = {}): AgentPerformanceResult {
  const rows = [...months];
  const weights = options.weights ?? agentWeights;
  const retrainingShare = options.retrainingShare ?? 0.1;
  const promotionShare = options.promotionShare ?? 0.2;
  const promotionMonths = options.promotionMonths ?? 3;
  const rounding = options.rounding ?? 'ceil';
  const minTeamSize = options.minTeamSize ?? 2;
  const issues: MetricsIssue[] = [];
  // Each weight is checked on its own: a NaN weight would pass a bare "sums to 1" test (every
  // comparison with NaN is false) and make every score NaN.
  const weightParts = [['kpi', weights.kpi], ['feedback', weights.feedback], ['training', weights.training]] as const;
  for (const [name, w] of weightParts) {
    if (!isFraction(w)) issues.push({ path: ['options', 'weights', name], message: `expected a weight in [0, 1], got ${w}` });
  }
  if (weightParts.every(([, w]) => isFraction(w)) && Math.abs(weights.kpi + weights.feedback + weights.training - 1) > 1e-9) {
    issues.push({ path: ['options', 'weights'], message: `expected weights summing to 1, got ${weights.kpi + weights.feedback + weights.training}` });
  }
  for (const [name, share] of [['retrainingShare', retrainingShare], ['promotionShare', promotionShare]] as const) {
    if (!isFraction(share)) issues.push({ path: ['options', name], message: `expected a fraction in [0, 1], got ${share}` });
  }
  if (!Number.isInteger(promotionMonths) || promotionMonths < 1) {
    issues.push({ path: ['options', 'promotionMonths'], message: `expected a whole number ≥ 1, got ${promotionMonths}` });
  }
  if (!Number.isInteger(minTeamSize) || minTeamSize < 0) {
    issues.push({ path: ['options', 'minTeamSize'], message: `expected a whole number ≥ 0, got ${minTeamSize}` });
  }
  checkOneOf(issues, ['options', 'rounding'], options.rounding, ['ceil', 'floor', 'round']);
  if (options.month !== undefined && !monthPattern.test(options.month)) {
    issues.push({ path: ['options', 'month'], message: `expected YYYY-MM, got ${JSON.stringify(options.month)}` });
  }
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (!monthPattern.test(row.month)) issues.push({ path: ['months', i, 'month'], message: `expected YYYY-MM, got ${JSON.stringify(row.month)}` });
    for (const field of ['kpiAttainment', 'customerFeedback', 'training', 'fcr'] as const) {
      const v = row[field];
      if (v !== null && v !== undefined && !isFraction(v)) issues.push({ path: ['months', i, field], message: `expected a fraction in [0, 1] or null, got ${v}` });
    }
    if (row.csat !== null && row.csat !== undefined && !(row.csat >= 1 && row.csat <= 5)) {
      issues.push({ path: ['months', i, 'csat'], message: `expected a rating from 1 to 5 or null, got ${row.csat}` });
    }
    const key = `${row.agentId}\u0000${row.month}`;
    if (seen.has(key)) issues.push({ path: ['months', i], message: `expected one row per agent and month, got ${row.agentId} ${row.month} again` });
    seen.add(key);
  });
  if (issues.length > 0) throw new MetricsError(issues);

  const month = options.month ?? rows.reduce((latest, r) => (r.month > latest ? r.month : latest), '');
  const byKey = new Map(rows.map((r) => [`${r.agentId}\u0000${r.month}`, r]));
  const team = rows.filter((r) => r.month === month).sort((a, b) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0));
  const onTarget = (r: AgentMonth | undefined): boolean => r !== undefined && (r.kpiTargetsMet ?? r.kpiAttainment === 1);

  const scored = team.map((r) => ({ row: r, score: agentScore(r, weights) }));
  const scores = scored.filter((s) => s.score !== null).map((s) => s.score!);
  const rankOf = (score: number): number => 1 + scores.filter((s) => s > score).length;

  // Bottom share: the k-th lowest score is the cut; everyone at or below it is flagged.
  const flagsAllowed = team.length >= minTeamSize;
  const ascending = [...scores].sort((a, b) => a - b);
  const retrainCount = flagsAllowed ? headcount(ascending.length, retrainingShare, rounding) : 0;
  const retrainCut = retrainCount === 0 ? -Infinity : ascending[retrainCount - 1]!;

  const csats = team.map((r) => r.csat).filter((c): c is number => c !== null && c !== undefined).sort((a, b) => b - a);
  const topCount = flagsAllowed ? headcount(csats.length, promotionShare, rounding) : 0;
  const csatCut = topCount === 0 ? Infinity : csats[topCount - 1]!;

  const bestCsat = csats.length === 0 ? undefined : csats[0];
  const fcrs = team.map((r) => r.fcr).filter((f): f is number => f !== null && f !== undefined);
  const bestFcr = fcrs.length === 0 ? undefined : Math.max(...fcrs);

  const standings: AgentStanding[] = scored.map(({ row, score }) => {
    let streak = 0;
    for (let m = month; streak < 120 && onTarget(byKey.get(`${row.agentId}\u0000${m}`)); m = previousMonth(m)) streak++;
    const topByCsat = row.csat !== null && row.csat !== undefined && row.csat >= csatCut;
    const awards: ('highestCsat' | 'highestFcr')[] = [];
    if (bestCsat !== undefined && row.csat === bestCsat) awards.push('highestCsat');
    if (bestFcr !== undefined && row.fcr === bestFcr) awards.push('highestFcr');
    const base = {
      agentId: row.agentId,
      score,
      rank: score === null ? null : rankOf(score),
      retraining: score !== null && score <= retrainCut,
      promotion: topByCsat && streak >= promotionMonths,
      monthsOnTarget: streak,
      topByCsat,
      awards,
    };
    return score === null ? { ...base, reason: 'a part of the score (KPI, feedback or training) is missing' } : base;
  });
  standings.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0));
  return {
    month,
    agents: standings,
    retraining: standings.filter((s) => s.retraining).map((s) => s.agentId),
    promotion: standings.filter((s) => s.promotion).map((s) => s.agentId),
    awards: {
      highestCsat: standings.filter((s) => s.awards.includes('highestCsat')).map((s) => s.agentId),
      highestFcr: standings.filter((s) => s.awards.includes('highestFcr')).map((s) => s.agentId),
    },
  };
}
