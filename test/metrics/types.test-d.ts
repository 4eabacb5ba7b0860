import { describe, expectTypeOf, it } from 'vitest';
import {
  answerRate,
  computeKpis,
  createKpiSet,
  nps,
  type KpiOptions,
  type KpiResult,
  type NpsResult,
} from '../../src/metrics/index.js';
import type { Complaint, Contact } from '../../src/records/index.js';

declare const contacts: Contact[];
declare const complaints: Complaint[];
declare const stream: AsyncIterable<Contact>;

describe('metrics types', () => {
  it('plain functions return KpiResult; nps adds its groups', () => {
    expectTypeOf(answerRate(contacts)).toEqualTypeOf<KpiResult>();
    expectTypeOf(nps(contacts)).toEqualTypeOf<NpsResult>();
  });

  it('computeKpis keys results by name or key; async in, promise out', () => {
    const out = computeKpis(contacts, ['answerRate', { kpi: 'nps', key: 'npsAll' }]);
    expectTypeOf(out.answerRate).toEqualTypeOf<KpiResult>();
    expectTypeOf(out.npsAll).toEqualTypeOf<NpsResult>();
    expectTypeOf(computeKpis(stream, ['csat'])).toEqualTypeOf<Promise<{ readonly csat: KpiResult }>>();
  });

  it('options are typed per KPI and records per set', () => {
    expectTypeOf<KpiOptions<'serviceLevel'>['denominator']>().toEqualTypeOf<'offered' | 'answered' | 'answeredAndAbandoned' | undefined>();
    // @ts-expect-error serviceLevel has no answeredWithinSeconds
    computeKpis(contacts, [{ kpi: 'serviceLevel', options: { answeredWithinSeconds: 5 } }]);
    // @ts-expect-error complaints are not contacts
    computeKpis(complaints, ['answerRate']);
    computeKpis(complaints, ['repeatComplaintRate', 'replyRate']);
    const set = createKpiSet(['answerRate']);
    // @ts-expect-error a contact set does not add complaints
    set.add(set.empty(), complaints[0]!);
  });
});
