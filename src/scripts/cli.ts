import { CliError } from './errors.js';
import type { CommandContext } from './commands/args.js';
import { commandNames, helpFor, type CommandName } from './commands/help.js';
import { reportOptions } from './commands/reportOptions.js';
import { isFastWorker, prestartFastWorkers, worthPrestarting } from './fast/workerThreads.js';

// The entry of `callcenter-qa` (built to dist/cli.js with its shebang). Each command is loaded
// when it is run, so `--help` stays instant.
type Command = (argv: readonly string[], context: CommandContext) => Promise<number>;
const commands: Record<CommandName, () => Promise<Command>> = {
  report: async () => (await import('./commands/report.js')).reportCommand,
  score: async () => (await import('./commands/score.js')).scoreCommand,
  scan: async () => (await import('./commands/scan.js')).scanCommand,
  sample: async () => (await import('./commands/sample.js')).sampleCommand,
  start: async () => (await import('./commands/start.js')).startCommand,
};

/**
 * Runs the CLI.
 *
 * @param argv - the arguments after the program name
 * @returns the exit code: 0 done, 1 input rejected, 2 usage error
 */
export async function main(argv: readonly string[], context: CommandContext = {}): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    // No command at all is a usage error (help on stderr, exit 2); asking for help is not.
    const topic = rest[0];
    const text = topic !== undefined && (commandNames as readonly string[]).includes(topic) ? helpFor(topic as CommandName) : helpFor();
    if (name === undefined) {
      process.stderr.write(text);
      return 2;
    }
    process.stdout.write(text);
    return 0;
  }
  if (!(commandNames as readonly string[]).includes(name)) {
    process.stderr.write(`callcenter-qa: unknown command ${JSON.stringify(name)}\n\n${helpFor()}`);
    return 2;
  }
  try {
    const run = await commands[name as CommandName]();
    return await run(rest, context);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`callcenter-qa ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`callcenter-qa ${name}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

// The same file serves the fast path's worker threads (src/scripts/fast): a worker builds report
// states for byte ranges of the input instead of running a command.
if (isFastWorker()) {
  const [{ runFastWorker }, { reportSink }] = await Promise.all([import('./fast/worker.js'), import('./commands/report.js')]);
  runFastWorker(reportSink);
} else {
  // A report over a big file: start the fast path's worker now, so that it loads its module
  // while this thread loads the command's (nothing else is loaded yet).
  const [name, ...rest] = process.argv.slice(2);
  if (name === 'report' && worthPrestarting(rest, reportOptions)) prestartFastWorkers(new URL(import.meta.url), 1);
  // `callcenter-qa report … | head`: a reader that stops early is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await main(process.argv.slice(2), { cliUrl: new URL(import.meta.url) });
}
