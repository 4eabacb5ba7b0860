import { defaultPhrasebook, scanTranscript } from '../../transcript/index.js';
import { usageError } from '../errors.js';
import { ingestContacts } from '../ingest/ingest.js';
import { readMappingFile } from '../ingest/mapping.js';
import { openRejectsWriter } from '../ingest/rejects.js';
import { checkTimeZone, parseCommandArgs } from './args.js';
import { helpFor } from './help.js';
import { openLineOutput } from './output.js';
import { defaultRejectsPath } from './report.js';

/**
 * `callcenter-qa scan <contacts…>`: scans each transcript with the default phrasebook and writes
 * one line per contact that has hits: `{ contactId, checked, hits }`.
 *
 * @param argv - the arguments after `scan`
 * @returns the exit code
 */
export async function scanCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('scan', argv, {
    map: { type: 'string' },
    tz: { type: 'string' },
    out: { type: 'string' },
    rejects: { type: 'string' },
    all: { type: 'boolean' },
    strict: { type: 'boolean' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    process.stdout.write(helpFor('scan'));
    return 0;
  }
  if (positionals.length === 0) throw usageError('no contact files (see callcenter-qa scan --help)');
  const mapping = values.map === undefined ? undefined : await readMappingFile(values.map);
  const out = await openLineOutput(values.out);
  const rejects = await openRejectsWriter(values.rejects ?? defaultRejectsPath(values.out, positionals[0]!));
  let scanned = 0;
  let hits = 0;
  try {
    const counts = await ingestContacts(positionals, { mapping, timeZone: checkTimeZone(values.tz), strict: values.strict }, {
      onRecord: (contact) => {
        if (contact.channel !== 'chat' || contact.messages.length === 0) return;
        scanned += 1;
        const { id, direction, offeredAt, endedAt, messages } = contact;
        const scan = scanTranscript({ id, direction, offeredAt, messages, ...(endedAt === undefined ? {} : { endedAt }) }, defaultPhrasebook);
        hits += scan.hits.length;
        if (scan.hits.length > 0 || values.all === true) out.line({ ...scan, agentId: contact.agentId ?? null });
      },
      onReject: (reject) => rejects.write(reject),
      afterChunk: () => rejects.drain(),
    });
    if (values.quiet !== true) {
      process.stderr.write(`${counts.rows} contacts: ${scanned} transcripts scanned, ${hits} hits, ${counts.rejected} rejected, ${counts.duplicates} duplicates\n`);
      if (rejects.written > 0) process.stderr.write(`rejects: ${rejects.path}\n`);
    }
  } finally {
    await out.close();
    await rejects.close();
  }
  return 0;
}
