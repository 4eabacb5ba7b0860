import { join } from 'node:path';
import { writeSampleMonth } from '../sample/index.js';
import { checkLang, checkMonth, parseCommandArgs, type CommandContext } from './args.js';
import { helpFor } from './help.js';
import { formatValue, reportLabels } from '../../report/index.js';
import type { IngestCounts } from '../ingest/ingest.js';
import { reportFormats, runReport, type RunReportResult } from './report.js';

/**
 * The short summary `start` prints: input counts, then each whole-period KPI with its value,
 * numerator/denominator and whether the target was met.
 *
 * @param result - the report run
 * @returns the table as text
 */
export function summaryTable(result: RunReportResult): string {
  const c = result.contacts;
  const lines: string[] = [];
  const inputRows: [string, IngestCounts | undefined][] = [
    ['contacts', c],
    ['complaints', result.complaints],
    ['evaluations', result.evaluations],
  ];
  lines.push('input         rows  accepted  rejected  duplicates');
  for (const [name, counts] of inputRows) {
    if (counts === undefined) continue;
    lines.push(
      `${name.padEnd(12)}${String(counts.rows).padStart(6)}${String(counts.accepted).padStart(10)}${String(counts.rejected).padStart(10)}${String(counts.duplicates).padStart(12)}`,
    );
  }
  const entries = Object.entries(result.report.kpis);
  const width = Math.max(4, ...entries.map(([k]) => k.length)) + 2;
  lines.push('', `${'kpi'.padEnd(width)}${'value'.padStart(10)}  ${'n / d'.padEnd(16)}target`);
  for (const [name, entry] of entries) {
    const num = Math.abs(entry.numerator - Math.round(entry.numerator)) < 0.05 ? String(Math.round(entry.numerator)) : entry.numerator.toFixed(1);
    const nd = `${num}/${entry.denominator}`;
    // The report room's formatting, so the summary reads as the rendered reports do (0:17, not 17.3 s).
    const goal = entry.target === null ? '' : ` (${reportLabels[entry.target.comparator].en} ${formatValue(entry.target.threshold, entry.unit)})`;
    const target = entry.met === null ? '' : `${entry.met ? 'met' : 'missed'}${goal}`;
    lines.push(`${name.padEnd(width)}${formatValue(entry.value, entry.unit).padStart(10)}  ${nd.padEnd(16)}${target}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * `callcenter-qa start`: the sample month, reported in every format.
 *
 * @param argv - the arguments after `start`
 * @returns the exit code
 */
export async function startCommand(argv: readonly string[], context: CommandContext = {}): Promise<number> {
  const { values } = parseCommandArgs('start', argv, {
    data: { type: 'string' },
    out: { type: 'string' },
    month: { type: 'string' },
    lang: { type: 'string' },
    preset: { type: 'string' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    process.stdout.write(helpFor('start'));
    return 0;
  }
  const dir = values.data ?? join('examples', 'data');
  const outDir = values.out ?? 'reports';
  const month = checkMonth(values.month) ?? '2026-03';
  const lang = checkLang(values.lang) ?? 'en';
  const sample = await writeSampleMonth({ dir, month, ifAbsent: true });
  const log = (text: string) => process.stdout.write(text);
  log(
    sample.written
      ? `Generated the sample month ${month} into ${dir}/: ${sample.counts.contacts} contacts, ${sample.counts.complaints} complaints, ${sample.counts.evaluations} evaluations\n`
      : values.month === undefined
        ? `Using the sample month already in ${dir}/ (delete it to regenerate)\n`
        : `Using the sample month already in ${dir}/: --month ${month} applies only when the month is generated (delete the folder to regenerate)\n`,
  );
  const result = await runReport({
    files: [sample.files.contacts],
    complaints: [sample.files.complaints],
    evaluations: [sample.files.evaluations],
    formats: reportFormats,
    out: join(outDir, `monthly-report`),
    // The sample is a gas utility's hotline in Asia/Shanghai (seed 003), so its standard's targets.
    timeZone: 'Asia/Shanghai',
    preset: values.preset ?? 'gas-utility-hotline',
    lang,
    quiet: values.quiet,
    workerUrl: context.cliUrl,
  });
  log('\n' + summaryTable(result));
  log('\nReports:\n');
  for (const [format, path] of Object.entries(result.outputs)) log(`  ${format.padEnd(5)} ${path}\n`);
  if (result.rejectsPath !== undefined) log(`  rejects ${result.rejectsPath}\n`);
  return 0;
}
