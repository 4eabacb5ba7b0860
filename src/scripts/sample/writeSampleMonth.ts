import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateSampleMonth, type SampleMonthOptions } from './generateSampleMonth.js';

/** The files the sample month is written to, inside the chosen folder. */
export const sampleMonthFiles = {
  contacts: 'contacts.ndjson',
  complaints: 'complaints.ndjson',
  evaluations: 'evaluations.ndjson',
} as const;

/** Options of {@link writeSampleMonth}. */
export interface WriteSampleMonthOptions extends SampleMonthOptions {
  /** The folder to write into (created when missing), e.g. `examples/data`. */
  readonly dir: string;
  /** Leave existing files alone: when all three exist, nothing is generated or written. Default false. */
  readonly ifAbsent?: boolean;
}

/** What {@link writeSampleMonth} did. */
export interface WriteSampleMonthResult {
  /** Full paths of the three files. */
  readonly files: { readonly contacts: string; readonly complaints: string; readonly evaluations: string };
  /** False when `ifAbsent` found the files already there. */
  readonly written: boolean;
  /** Records written (zero when nothing was written). */
  readonly counts: { readonly contacts: number; readonly complaints: number; readonly evaluations: number };
}

const exists = async (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

const ndjson = (records: readonly unknown[]): string => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

/**
 * Generates the sample month ({@link generateSampleMonth}) and writes it as NDJSON, one record a
 * line: `contacts.ndjson` (calls and chats), `complaints.ndjson`, `evaluations.ndjson`.
 * This is the I/O half of the sample; `callcenter-qa start` calls it with `dir: 'examples/data'`
 * and `ifAbsent: true`.
 *
 * @param options - the folder, whether to keep existing files, and the month's options
 * @returns the paths, whether anything was written, and the record counts
 * @throws {RangeError} from {@link generateSampleMonth} on bad options; file-system errors as Node raises them
 * @example
 * await writeSampleMonth({ dir: 'examples/data', month: '2026-03', seed: 7, ifAbsent: true })
 * //=> { files: { contacts: 'examples/data/contacts.ndjson', … }, written: true, counts: { contacts: 36512, … } }
 */
export async function writeSampleMonth(options: WriteSampleMonthOptions): Promise<WriteSampleMonthResult> {
  const files = {
    contacts: join(options.dir, sampleMonthFiles.contacts),
    complaints: join(options.dir, sampleMonthFiles.complaints),
    evaluations: join(options.dir, sampleMonthFiles.evaluations),
  };
  if (options.ifAbsent === true) {
    const present = await Promise.all(Object.values(files).map(exists));
    if (present.every(Boolean)) return { files, written: false, counts: { contacts: 0, complaints: 0, evaluations: 0 } };
  }
  const month = generateSampleMonth(options);
  await mkdir(options.dir, { recursive: true });
  await writeFile(files.contacts, ndjson(month.contacts));
  await writeFile(files.complaints, ndjson(month.complaints));
  await writeFile(files.evaluations, ndjson(month.evaluations));
  return {
    files,
    written: true,
    counts: { contacts: month.contacts.length, complaints: month.complaints.length, evaluations: month.evaluations.length },
  };
}
