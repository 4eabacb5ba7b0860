/** The commands the CLI knows. */
export const commandNames = ['report', 'score', 'scan', 'sample', 'start'] as const;
/** A command name. */
export type CommandName = (typeof commandNames)[number];

const general = `callcenter-qa — a contact center's service standard as code

Usage: callcenter-qa <command> [options]

Commands:
  report <files…>      the monthly report from exported contacts (CSV or NDJSON, plain or gzip)
  score <files…>       score QA evaluations (NDJSON) against the QC rubric
  scan <files…>        scan transcripts (contacts NDJSON with messages) for required and forbidden phrases
  sample <files…>      draw the QA sample of contacts for one day
  start                generate the sample month into examples/data (if absent) and report it into reports/

Run callcenter-qa <command> --help for a command's options.
Exit codes: 0 done, 1 input rejected (a file that cannot be read as a whole, or a rejected row under
--strict), 2 usage error (a bad command, option or mapping, an input that cannot be opened, an
output that cannot be written).
`;

const texts: Record<CommandName, string> = {
  report: `Usage: callcenter-qa report <files…> [options]

Reads a month of exported contacts and writes the monthly report.

Input:
  <files…>                 CSV (, ; or tab) or NDJSON, plain or .gz; any number
  --map <mapping.json>     how the export's columns become contact fields (docs/cli.md)
  --complaints <file>      complaints (NDJSON, or CSV with --complaints-map); repeatable
  --complaints-map <file>  mapping for complaint CSVs ("record": "complaint")
  --evaluations <file>     QA evaluations (NDJSON); repeatable
  --tz <Zone>              the center's IANA time zone (months, days); default the mapping's,
                           and the zone for timestamps without an offset when there is no mapping
  --month <YYYY-MM>        report this month (the month before is kept for the change column)
  --preset <name>          the target preset: platform-service-provider, ecommerce-manual,
                           gas-utility-hotline (default: none, KPIs without targets)
  --calendar <name>        business calendar for working-hours KPIs and SLA deadlines:
                           alwaysOpen, platformWeekdays, chinaMainland (default: chinaMainland
                           for Asia/Shanghai, else 09:00–18:00 Monday to Friday in the zone)

Output:
  --format <f>             html, md, json, csv, or all; repeatable or comma-separated
                           (default: from --out's extension, else md)
  --out <path>             a file (one format), or a folder / file stem (several formats);
                           stdout when absent (one format only)
  --rejects <path>         rejected rows as NDJSON { file, line, raw, reasons }
                           (default <out>.rejects.ndjson, or beside the first input)
  --lang <zh|en>           label language
  --show-pii               do not mask customer ids and phone numbers
  --strict                 stop at the first rejected row (exit 1)
  --quiet                  no progress or summary on stderr
  --no-fast                always read with the general path. By default a byte-level fast path
                           on two threads reads plain exports in the records' own field names
                           (no --map, no --evaluations); same report, it steps aside when it cannot
  --fast                   accepted for compatibility; the fast path is the default
  -h, --help               this help

Example:
  callcenter-qa report pwc.csv --map examples/mappings/pwc-call-center.json --calendar alwaysOpen \
    --format all --out reports/pwc
`,
  score: `Usage: callcenter-qa score <evaluations.ndjson…> [options]

Scores each QA evaluation against the built-in QC rubric v3.1 and writes one score report a line.
Evaluations the rubric cannot score go to the rejects file with every reason.

  --out <path>     NDJSON of score reports (default stdout)
  --rejects <path> evaluations that could not be read (default beside the output or the first input)
  --tz <Zone>      zone for evaluatedAt timestamps without an offset
  --strict         stop at the first rejected row (exit 1)
  --quiet          no summary on stderr
  -h, --help       this help
`,
  scan: `Usage: callcenter-qa scan <contacts.ndjson…> [options]

Scans chat transcripts (chat contacts with messages) with the default phrasebook and writes
one line per contact with hits: { contactId, checked, hits: [...], agentId }.

  --map <file>     mapping for the contact files
  --tz <Zone>      zone for timestamps without an offset
  --out <path>     NDJSON of hits (default stdout)
  --rejects <path> rows that could not be read
  --all            a line for every transcript, hits or not
  --strict         stop at the first rejected row (exit 1)
  --quiet          no summary on stderr
  -h, --help       this help
`,
  sample: `Usage: callcenter-qa sample <contacts…> --date <YYYY-MM-DD> [options]

Draws the QA sample for one day: which answered contacts of each agent are reviewed.

  --date <day>     the day, in --tz (required)
  --tz <Zone>      the center's time zone (default the mapping's, else Asia/Shanghai)
  --map <file>     mapping for the contact files
  --rate <r>       share of each agent's answered contacts to sample (default 0.2, seed 002 §7.1)
  --min-per-agent <n>  at least this many per agent (all when fewer; default 0)
  --seed <s>       seed of the draw (default: the date); the same seed gives the same sample
  --out <path>     NDJSON of sampled contacts (default stdout)
  --rejects <path> rows that could not be read
  --strict, --quiet, -h/--help
`,
  start: `Usage: callcenter-qa start [options]

The main job, end to end: generates a realistic, seeded month for a 50-agent center (calls, chats
with transcripts, complaints, QA evaluations) into examples/data/ when it is not there yet, runs
the report in every format into reports/, and prints a short summary.

  --data <dir>     where the sample month lives (default examples/data)
  --out <dir>      where the reports go (default reports)
  --month <YYYY-MM> the month generated (default 2026-03)
  --lang <zh|en>   label language (default en)
  --preset <name>  target preset (default gas-utility-hotline: the sample is a gas utility's hotline)
  --quiet          no progress on stderr
  -h, --help       this help
`,
};

/**
 * The help text of a command, or the general help.
 *
 * @param command - a command name, or undefined for the general help
 * @returns the text, ending in a newline
 */
export function helpFor(command?: CommandName): string {
  return command === undefined ? general : texts[command];
}
