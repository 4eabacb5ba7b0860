import { TZDate } from '@date-fns/tz';
import { sampleForQa } from '../../metrics/index.js';
import type { Contact } from '../../records/index.js';
import { usageError } from '../errors.js';
import { ingestContacts } from '../ingest/ingest.js';
import { readDecimal, readMappingFile } from '../ingest/mapping.js';
import { openRejectsWriter } from '../ingest/rejects.js';
import { checkTimeZone, parseCommandArgs } from './args.js';
import { helpFor } from './help.js';
import { openLineOutput } from './output.js';
import { defaultRejectsPath } from './report.js';

/**
 * `callcenter-qa sample <contacts…> --date YYYY-MM-DD`: the day's QA sample (the metrics room's
 * `sampleForQa`, stratified by agent; seed 002 §7.1: at least 20 % daily). Only that day's
 * answered contacts are kept in memory.
 *
 * @param argv - the arguments after `sample`
 * @returns the exit code
 */
export async function sampleCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('sample', argv, {
    date: { type: 'string' },
    tz: { type: 'string' },
    map: { type: 'string' },
    rate: { type: 'string' },
    'min-per-agent': { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
    rejects: { type: 'string' },
    strict: { type: 'boolean' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    process.stdout.write(helpFor('sample'));
    return 0;
  }
  if (positionals.length === 0) throw usageError('no contact files (see callcenter-qa sample --help)');
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values.date ?? '');
  // 2026-02-31 matches the pattern but names no day (Date would roll it over to 3 March).
  const isDay = day !== null && new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))).toISOString().startsWith(day[0]);
  if (day === null || !isDay) throw usageError(`--date: expected a day as YYYY-MM-DD, got ${JSON.stringify(values.date ?? '')}`);
  // Written numbers only: Number('') is 0 (a blank would quietly mean "sample nothing"), and
  // Number('0x1') is 1, Number('0b11') 3.
  const rate = values.rate === undefined ? 0.2 : (readDecimal(values.rate) ?? Number.NaN);
  if (!(rate >= 0 && rate <= 1)) throw usageError(`--rate: expected a fraction from 0 to 1, got ${JSON.stringify(values.rate)}`);
  const minPerAgent = values['min-per-agent'] === undefined ? 0 : (readDecimal(values['min-per-agent']) ?? Number.NaN);
  if (!Number.isSafeInteger(minPerAgent) || minPerAgent < 0) {
    throw usageError(`--min-per-agent: expected a whole number ≥ 0, got ${JSON.stringify(values['min-per-agent'])}`);
  }
  const mapping = values.map === undefined ? undefined : await readMappingFile(values.map);
  const timeZone = checkTimeZone(values.tz) ?? mapping?.timeZone ?? 'Asia/Shanghai';
  const from = new TZDate(Number(day[1]), Number(day[2]) - 1, Number(day[3]), timeZone).getTime();
  const to = new TZDate(Number(day[1]), Number(day[2]) - 1, Number(day[3]) + 1, timeZone).getTime();
  const ofDay: Contact[] = [];
  const rejects = await openRejectsWriter(values.rejects ?? defaultRejectsPath(values.out, positionals[0]!));
  try {
    await ingestContacts(positionals, { mapping, timeZone, strict: values.strict }, {
      onRecord: (contact) => {
        // Only answered contacts have something to review; the record may be reused, so copy it.
        if (contact.answered && contact.offeredAt >= from && contact.offeredAt < to) ofDay.push(structuredClone(contact));
      },
      onReject: (reject) => rejects.write(reject),
      afterChunk: () => rejects.drain(),
    });
  } finally {
    await rejects.close();
  }
  const sample = sampleForQa(ofDay, { rate, minPerAgent, seed: values.seed ?? values.date!, timeZone, byDay: true });
  const out = await openLineOutput(values.out);
  for (const contact of sample.contacts) out.line(contact);
  await out.close();
  if (values.quiet !== true) {
    process.stderr.write(`${ofDay.length} answered contacts on ${values.date}: ${sample.contacts.length} sampled across ${sample.strata.length} agents\n`);
    if (rejects.written > 0) process.stderr.write(`rejects: ${rejects.path}\n`);
  }
  return 0;
}
