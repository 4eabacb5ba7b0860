import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKpiSet, kpiDefinitions, phoneKpiNames, type KpiName } from '../../src/metrics/index.js';
import type { Contact } from '../../src/records/index.js';
import { checkAccumulatorLaws } from './accumulatorLaws.js';
import { complaintArb, contactArb, scoreReportArb } from './arbitraries.js';

// Every KPI, under its default options and each seed's variant, keeps the accumulator laws:
// bounds, order independence, merge of any split = whole, structured clone, no retained record.

const everyOtherHour = (ms: number) => Math.floor(ms / 3_600_000) % 2 === 0;

const variants: { readonly [K in KpiName]: readonly Record<string, unknown>[] } = {
  answerRate: [{}, { answeredWithinSeconds: 5, isWorkingTime: everyOtherHour }, { answeredWithinSeconds: 60 }],
  abandonRate: [{}, { shortAbandonSeconds: 5 }],
  serviceLevel: [
    {},
    { thresholdSeconds: 5, shortAbandonSeconds: 3, denominator: 'answeredAndAbandoned' },
    { thresholdSeconds: 15, denominator: 'answered' },
  ],
  averageSpeedOfAnswer: [{}, { isWorkingTime: everyOtherHour }],
  ringsToAnswer: [{}, { maxRings: 2, ringSeconds: 5, denominator: 'offered' }],
  averageHandleTime: [{}, { definition: 'resolution' }],
  firstResponseTime: [{}, { from: 'offered' }],
  averageResponseTime: [{}, { per: 'contactMean' }, { per: 'contactTotal', turnStart: 'last' }],
  satisfactionRate: [{}, { useRating: false }, { ratingScale: { satisfiedFrom: 5, unsatisfiedUpTo: 3 } }],
  csat: [{}],
  surveyResponseRate: [{}, { answer: 'csat' }, { answer: 'nps' }],
  nps: [{}],
  firstContactResolution: [{}, { unknownOutcome: 'unresolved' }],
  escalationRate: [{}, { base: 'complaints', unknown: 'exclude' }],
  replyRate: [{}],
  replyTimeliness: [{}, { complaintReplyHours: 24, consultationReplyMinutes: 1, asOf: Date.UTC(2026, 2, 10) }],
  repeatComplaintRate: [{}, { denominator: 'all' }],
  complaintSatisfaction: [{}, { keyAccountsOnly: true, unrated: 'exclude' }],
  consultationSatisfaction: [{}, { unrated: 'exclude' }],
  callbackTimeliness: [{}, { required: 'all', doneAt: 'followedUpAt', from: 'closedAt', withinHours: 72, asOf: Date.UTC(2026, 2, 15) }],
  scriptCompliance: [{}, { isCompliant: (c: Contact) => (c.topic === undefined ? null : c.topic === 'billing') }],
  recordCompleteness: [{}, { requiredFields: ['agentId'] }],
  qaSamplingRate: [{ evaluatedIds: ['a', 'b', 'c'] }, { isEvaluated: (c: Contact) => c.id.length % 2 === 0 }],
  qaScore: [{}],
};

const arbitraryFor = (name: KpiName): fc.Arbitrary<unknown> => {
  const type = kpiDefinitions[name].recordType;
  return type === 'complaint' ? complaintArb : type === 'scoreReport' ? scoreReportArb : contactArb;
};

describe('accumulator laws of every KPI', () => {
  for (const name of Object.keys(kpiDefinitions) as KpiName[]) {
    const definition = kpiDefinitions[name];
    variants[name].forEach((options, i) => {
      it(`${name} #${i} (${Object.keys(options).join(', ') || 'defaults'})`, () => {
        const make = () => (definition.accumulator as (o: unknown) => ReturnType<typeof definition.accumulator>)(options);
        checkAccumulatorLaws(make as never, arbitraryFor(name), definition.bounds);
      });
    });
  }

  it('replyRate and replyTimeliness also keep the laws over complaints', () => {
    checkAccumulatorLaws(() => kpiDefinitions.replyRate.accumulator() as never, complaintArb, [0, 1]);
    checkAccumulatorLaws(() => kpiDefinitions.replyTimeliness.accumulator() as never, complaintArb, [0, 1]);
  });

  it('a KPI set of all phone KPIs equals the KPIs one by one, for any split', () => {
    const set = createKpiSet(phoneKpiNames, { answerRate: { answeredWithinSeconds: 20 } });
    fc.assert(
      fc.property(fc.array(contactArb, { maxLength: 30 }), fc.nat(), (list, cut) => {
        const at = cut % (list.length + 1);
        const a = list.slice(0, at).reduce((s, r) => set.add(s, r), set.empty());
        const b = list.slice(at).reduce((s, r) => set.add(s, r), set.empty());
        const merged = set.result(set.merge(structuredClone(a), structuredClone(b)));
        expect(merged.answerRate).toEqual(kpiDefinitions.answerRate.accumulator({ answeredWithinSeconds: 20 }).result(
          list.reduce((s, r) => kpiDefinitions.answerRate.accumulator({ answeredWithinSeconds: 20 }).add(s, r), kpiDefinitions.answerRate.accumulator().empty()),
        ));
        for (const name of phoneKpiNames.filter((n) => n !== 'answerRate')) {
          const acc = (kpiDefinitions[name].accumulator as (o?: unknown) => ReturnType<(typeof kpiDefinitions)['abandonRate']['accumulator']>)();
          expect(merged[name]).toEqual(acc.result(list.reduce((s, r) => acc.add(s, r), acc.empty())));
        }
      }),
      { numRuns: 100 },
    );
  });
});
