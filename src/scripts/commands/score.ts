import { qcRubricV31, scoreEvaluation, ScoringError } from '../../rubrics/index.js';
import { inputError, usageError } from '../errors.js';
import { ingestEvaluations } from '../ingest/ingest.js';
import { openRejectsWriter } from '../ingest/rejects.js';
import { checkTimeZone, parseCommandArgs } from './args.js';
import { helpFor } from './help.js';
import { openLineOutput } from './output.js';
import { defaultRejectsPath } from './report.js';

/**
 * `callcenter-qa score <evaluations.ndjson…>`: scores each evaluation against QC rubric v3.1
 * and writes one score report a line. An evaluation the rubric cannot score (unknown item,
 * points that are not a level…) goes to the rejects file with every reason, like an unreadable row.
 *
 * @param argv - the arguments after `score`
 * @returns the exit code
 */
export async function scoreCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('score', argv, {
    out: { type: 'string' },
    rejects: { type: 'string' },
    tz: { type: 'string' },
    strict: { type: 'boolean' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    process.stdout.write(helpFor('score'));
    return 0;
  }
  if (positionals.length === 0) throw usageError('no evaluation files (see callcenter-qa score --help)');
  const out = await openLineOutput(values.out);
  const rejects = await openRejectsWriter(values.rejects ?? defaultRejectsPath(values.out, positionals[0]!));
  let scored = 0;
  let unscored = 0;
  try {
    const counts = await ingestEvaluations(positionals, { timeZone: checkTimeZone(values.tz), strict: values.strict }, {
      onRecord: (evaluation, source) => {
        try {
          out.line(scoreEvaluation(qcRubricV31, evaluation));
          scored += 1;
        } catch (error) {
          if (!(error instanceof ScoringError)) throw error;
          unscored += 1;
          const reasons = error.message.split('\n').slice(1).map((line) => line.replace(/^✖ /, ''));
          rejects.write({ file: source.file, line: source.line, raw: JSON.stringify(evaluation), reasons });
          if (values.strict === true) throw inputError(`evaluation not scorable (--strict stops at the first): ${error.message}`, { file: source.file, line: source.line });
        }
      },
      onReject: (reject) => rejects.write(reject),
      afterChunk: () => rejects.drain(),
    });
    if (values.quiet !== true) {
      process.stderr.write(
        `${counts.rows} evaluations: ${scored} scored, ${unscored} not scorable, ${counts.rejected} rejected, ${counts.duplicates} duplicates\n`,
      );
      if (rejects.written > 0) process.stderr.write(`rejects: ${rejects.path}\n`);
    }
  } finally {
    await out.close();
    await rejects.close();
  }
  return 0;
}
