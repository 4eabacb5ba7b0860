import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { describeFsError, usageError } from '../errors.js';
import { ingestComplaints, ingestContacts, ingestEvaluations, type IngestCounts, type IngestReject } from '../ingest/ingest.js';
import { readMappingFile, type Mapping } from '../ingest/mapping.js';
import { createProgress } from '../ingest/progress.js';
import { ensureDir, openRejectsWriter, type RejectsWriter } from '../ingest/rejects.js';
import { checkLang, checkMonth, checkTimeZone, parseCommandArgs, type CommandContext } from './args.js';
import { reportOptions } from './reportOptions.js';
import { calendars, type BusinessCalendar } from '../../calendar/index.js';
import { targetPresets, type TargetPresetName } from '../../metrics/index.js';
import {
  createReportBuilder,
  renderCsv,
  renderHtml,
  renderJson,
  renderMarkdown,
  type MonthlyReport,
  type ReportBuilder,
  type ReportState,
} from '../../report/index.js';
import { fastIngestContacts, type FastSink } from '../fast/index.js';

/** The formats a report renders to. */
export const reportFormats = ['html', 'md', 'json', 'csv'] as const;
/** A report format. */
export type ReportFormat = (typeof reportFormats)[number];

/** Everything `report` needs, after its arguments are read. */
export interface RunReportOptions {
  readonly files: readonly string[];
  readonly mapping?: Mapping | undefined;
  readonly complaints?: readonly string[] | undefined;
  readonly complaintsMapping?: Mapping | undefined;
  readonly evaluations?: readonly string[] | undefined;
  readonly month?: string | undefined;
  readonly timeZone?: string | undefined;
  readonly preset?: string | undefined;
  /** The business calendar (a name of the calendar room's `calendars`): working hours for KPIs and SLA deadlines. */
  readonly calendar?: string | undefined;
  readonly formats: readonly ReportFormat[];
  /** Output file (one format) or stem / folder (several); stdout when absent and one format. */
  readonly out?: string | undefined;
  readonly rejects?: string | undefined;
  readonly lang?: 'zh' | 'en' | undefined;
  readonly strict?: boolean | undefined;
  readonly showPii?: boolean | undefined;
  readonly quiet?: boolean | undefined;
  /** Where the report goes when there is no `--out`; stdout unless given. */
  readonly stdout?: (text: string) => void;
  /**
   * Let the fast path (src/scripts/fast) read the contact files when it can (no mapping, no
   * evaluations, plain CSV or NDJSON in the records' field names); default true, `false` with
   * `--no-fast`. It gives the same counts, rejects and report as the general path; it steps aside
   * by itself for anything else (gzip, `;` or tab, odd files, `--strict`).
   */
  readonly fast?: boolean | undefined;
  /** The module that serves fast-path worker threads (the CLI's own file); without it the fast path scans in this thread. */
  readonly workerUrl?: string | URL | undefined;
}

/** The report builder's options as plain data, so worker threads can build the same builder. */
export interface ReportSinkOptions {
  readonly timeZone?: string | undefined;
  readonly preset?: string | undefined;
  readonly month?: string | undefined;
  readonly calendar?: string | undefined;
}

/**
 * Builds a report builder from plain options (names for the preset and calendar): the sink of
 * the fast path, in the main thread and in each worker.
 *
 * @param options - {@link ReportSinkOptions}
 * @returns a report builder
 * @throws {CliError} usage error for an unknown preset, calendar, zone or month
 */
export function createReportSink(options: ReportSinkOptions): ReportBuilder {
  const calendar = checkCalendar(options.calendar);
  const preset = checkPreset(options.preset);
  try {
    return createReportBuilder({
      ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
      ...(preset === undefined ? {} : { preset }),
      ...(options.month === undefined ? {} : { month: options.month }),
      ...(calendar === undefined ? {} : { calendar }),
    });
  } catch (error) {
    // The report room lists every bad option: a usage error.
    throw usageError((error as Error).message);
  }
}

/**
 * Whether the fast path may read the contact files: by default whenever it can give the same
 * report. Its worker threads build their own report states and never see the evaluations, so
 * with evaluations (which mark contacts as QA-sampled) the general path reads the contacts.
 */
function useFastPath(options: RunReportOptions): boolean {
  if (options.mapping !== undefined || options.fast === false) return false;
  return options.evaluations === undefined || options.evaluations.length === 0;
}

/** The fast path's sink factory: {@link createReportSink} over the options sent to each worker. */
export const reportSink = (options: unknown): FastSink => createReportSink(options as ReportSinkOptions);

/** What a report run produced. */
export interface RunReportResult {
  readonly report: MonthlyReport;
  /** Files written, by format (stdout is not listed). */
  readonly outputs: Partial<Record<ReportFormat, string>>;
  /** The rejects file, when any row was rejected or duplicated. */
  readonly rejectsPath: string | undefined;
  readonly contacts: IngestCounts;
  readonly complaints: IngestCounts | undefined;
  readonly evaluations: IngestCounts | undefined;
  /** How many byte ranges the fast path read the contacts in; undefined when the general path read them. */
  readonly fastRanges: number | undefined;
}

/** The calendar names `--calendar` accepts. */
export const calendarNames = Object.keys(calendars) as (keyof typeof calendars)[];

/** Reads `--preset`: a name of the metrics room's `targetPresets`. */
export function checkPreset(name: string | undefined): TargetPresetName | undefined {
  if (name === undefined) return undefined;
  if (!Object.hasOwn(targetPresets, name)) {
    throw usageError(`--preset: expected one of ${Object.keys(targetPresets).join(', ')}, got ${JSON.stringify(name)}`);
  }
  return name as TargetPresetName;
}

/** Reads `--calendar`. */
export function checkCalendar(name: string | undefined): BusinessCalendar | undefined {
  if (name === undefined) return undefined;
  if (!Object.hasOwn(calendars, name)) {
    throw usageError(`--calendar: expected one of ${calendarNames.join(', ')}, got ${JSON.stringify(name)}`);
  }
  return calendars[name as keyof typeof calendars];
}

const extensionOf: Record<ReportFormat, string> = { html: '.html', md: '.md', json: '.json', csv: '.csv' };

/** Where each format is written: `--out` as a file (one format), a folder, or a stem (`reports/march` → `reports/march.html`, …). */
export function outputPaths(out: string, formats: readonly ReportFormat[]): Record<string, string> {
  const isDir = out.endsWith('/') || (existsSync(out) && statSync(out).isDirectory());
  const paths: Record<string, string> = {};
  if (isDir) {
    for (const f of formats) paths[f] = join(out, `report${extensionOf[f]}`);
    return paths;
  }
  const ext = extname(out).toLowerCase();
  const known = Object.values(extensionOf).includes(ext);
  if (formats.length === 1 && (known || ext !== '')) {
    paths[formats[0]!] = out;
    return paths;
  }
  const stem = known ? out.slice(0, -ext.length) : out;
  for (const f of formats) paths[f] = `${stem}${extensionOf[f]}`;
  return paths;
}

/** `<out>.rejects.ndjson` beside the output (its extension dropped), or beside the first input when the report goes to stdout. */
export function defaultRejectsPath(out: string | undefined, firstInput: string): string {
  if (out !== undefined) {
    const isDir = out.endsWith('/') || (existsSync(out) && statSync(out).isDirectory());
    if (isDir) return join(out, 'report.rejects.ndjson');
    // score, scan and sample write NDJSON: their rejects go beside as x.rejects.ndjson too.
    const ext = extname(out);
    const known = [...Object.values(extensionOf), '.ndjson', '.jsonl'].includes(ext.toLowerCase());
    return `${known ? out.slice(0, -ext.length) : out}.rejects.ndjson`;
  }
  const name = basename(firstInput).replace(/\.gz$/i, '');
  return join(dirname(firstInput), `${name.slice(0, name.length - extname(name).length)}.rejects.ndjson`);
}

/**
 * Reads the month's exports and writes the report: contacts (with the mapping), complaints and
 * evaluations are streamed into the report room's builder; rejects go to the rejects file;
 * each format is rendered and written.
 *
 * @param options - inputs, outputs and report options
 * @returns the report, where it went, and the input counts
 * @throws {CliError} usage errors (exit 2) and input errors (exit 1; under `strict`, the first reject)
 */
export async function runReport(options: RunReportOptions): Promise<RunReportResult> {
  if (options.files.length === 0) throw usageError('no input files (see callcenter-qa report --help)');
  if (options.out === undefined && options.formats.length > 1) {
    throw usageError('several formats need --out (a folder or a file stem such as reports/march)');
  }
  const timeZone = options.timeZone ?? options.mapping?.timeZone;
  const sinkOptions: ReportSinkOptions = { timeZone, preset: options.preset, month: options.month, calendar: options.calendar };
  const builder = createReportSink(sinkOptions);
  const rejectsPath = options.rejects ?? defaultRejectsPath(options.out, options.files[0]!);
  const rejects: RejectsWriter = await openRejectsWriter(rejectsPath);
  const progress = createProgress({ stream: process.stderr, quiet: options.quiet === true });
  const handlers = {
    onReject: (reject: IngestReject) => rejects.write(reject),
    afterChunk: () => rejects.drain(),
    onBytes: (n: number) => progress.addBytes(n),
    onFile: (info: { size: number }) => progress.addTotalBytes(info.size),
  };
  const strict = options.strict === true;
  let contacts: IngestCounts;
  let complaints: IngestCounts | undefined;
  let evaluations: IngestCounts | undefined;
  let fastRanges: number | undefined;
  try {
    // Evaluations first: the builder can then tell, as each contact goes by, whether it was
    // QA-scored (qaSamplingRate) and carry its score to the contact's agent, month and topic.
    if (options.evaluations !== undefined && options.evaluations.length > 0) {
      evaluations = await ingestEvaluations(options.evaluations, { timeZone, strict }, {
        ...handlers,
        onRecord: (e) => builder.addEvaluation(e),
      });
    }
    const fast =
      !useFastPath(options)
        ? undefined
        : await fastIngestContacts(
            options.files,
            { timeZone, strict, workerUrl: options.workerUrl, createSink: reportSink, sinkOptions },
            { onReject: handlers.onReject, onBytes: handlers.onBytes, onFile: handlers.onFile },
          );
    if (fast?.ok === true) {
      fastRanges = fast.ranges;
      for (const state of fast.states) builder.merge(state as ReportState);
      contacts = fast.counts;
    } else {
      contacts = await ingestContacts(options.files, { mapping: options.mapping, timeZone, strict }, {
        ...handlers,
        onRecord: (c) => {
          progress.row();
          builder.addContact(c);
        },
      });
    }
    if (options.complaints !== undefined && options.complaints.length > 0) {
      complaints = await ingestComplaints(options.complaints, { mapping: options.complaintsMapping, timeZone, strict }, {
        ...handlers,
        onRecord: (c) => builder.addComplaint(c),
      });
    }
  } finally {
    progress.done();
    await rejects.close();
  }
  const sum = (key: 'rows' | 'accepted' | 'rejected' | 'duplicates') =>
    contacts[key] + (complaints?.[key] ?? 0) + (evaluations?.[key] ?? 0);
  builder.noteInput({ rows: sum('rows'), accepted: sum('accepted'), rejected: sum('rejected'), duplicates: sum('duplicates') });
  const report = builder.finish();

  const render = { ...(options.lang === undefined ? {} : { lang: options.lang }), showPii: options.showPii === true };
  const renderers: Record<ReportFormat, (r: MonthlyReport) => string> = {
    html: (r) => renderHtml(r, render),
    md: (r) => renderMarkdown(r, render),
    json: (r) => renderJson(r, render),
    csv: (r) => renderCsv(r, render),
  };
  const outputs: Partial<Record<ReportFormat, string>> = {};
  if (options.out === undefined) {
    (options.stdout ?? ((t) => process.stdout.write(t)))(renderers[options.formats[0]!](report));
  } else {
    const paths = outputPaths(options.out, options.formats);
    for (const format of options.formats) {
      const path = paths[format]!;
      await ensureDir(path);
      try {
        await writeFile(path, renderers[format](report));
      } catch (error) {
        throw usageError(`cannot write the ${format} report: ${describeFsError(error)}`, { file: path });
      }
      outputs[format] = path;
    }
  }
  return { report, outputs, rejectsPath: rejects.written > 0 ? rejectsPath : undefined, contacts, complaints, evaluations, fastRanges };
}

/** Reads `--format` values (repeatable, comma-separated, or `all`); without one, from `--out`'s extension, else `md`. */
export function readFormats(values: readonly string[] | undefined, out: string | undefined): ReportFormat[] {
  const words = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter((v) => v !== '');
  if (words.length === 0) {
    const ext = out === undefined ? '' : extname(out).toLowerCase().slice(1);
    return [(reportFormats as readonly string[]).includes(ext) ? (ext as ReportFormat) : 'md'];
  }
  const formats = new Set<ReportFormat>();
  for (const word of words) {
    if (word === 'all') reportFormats.forEach((f) => formats.add(f));
    else if (word === 'markdown') formats.add('md');
    else if ((reportFormats as readonly string[]).includes(word)) formats.add(word as ReportFormat);
    else throw usageError(`--format: expected html, md, json, csv or all, got ${JSON.stringify(word)}`);
  }
  return [...formats];
}

/**
 * `callcenter-qa report <files…> [options]`.
 *
 * @param argv - the arguments after `report`
 * @returns the exit code
 */
export async function reportCommand(argv: readonly string[], context: CommandContext = {}): Promise<number> {
  const { values, positionals } = parseCommandArgs('report', argv, reportOptions);
  if (values.help === true) {
    const { helpFor } = await import('./help.js');
    process.stdout.write(helpFor('report'));
    return 0;
  }
  const result = await runReport({
    files: positionals,
    mapping: values.map === undefined ? undefined : await readMappingFile(values.map),
    complaintsMapping: values['complaints-map'] === undefined ? undefined : await readMappingFile(values['complaints-map']),
    complaints: values.complaints,
    evaluations: values.evaluations,
    month: checkMonth(values.month),
    timeZone: checkTimeZone(values.tz),
    preset: values.preset,
    calendar: values.calendar,
    formats: readFormats(values.format, values.out),
    out: values.out,
    rejects: values.rejects,
    lang: checkLang(values.lang),
    strict: values.strict,
    showPii: values['show-pii'],
    quiet: values.quiet,
    fast: values['no-fast'] === true ? false : true,
    workerUrl: context.cliUrl,
  });
  if (values.quiet !== true) {
    const counts = (what: string, c: IngestCounts | undefined): string[] =>
      c === undefined ? [] : [`${what}: ${c.rows} rows, ${c.accepted} accepted, ${c.rejected} rejected, ${c.duplicates} duplicates`];
    const lines = [
      ...counts('contacts', result.contacts),
      ...counts('complaints', result.complaints),
      ...counts('evaluations', result.evaluations),
      ...Object.entries(result.outputs).map(([format, path]) => `${format}: ${path}`),
      ...(result.rejectsPath === undefined ? [] : [`rejects: ${result.rejectsPath}`]),
    ];
    process.stderr.write(lines.join('\n') + '\n');
  }
  return 0;
}
