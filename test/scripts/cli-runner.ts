// Runs the BUILT command line (dist/cli.js) as users do. `npm test` builds before vitest runs;
// when dist/cli.js is missing (vitest run alone on a fresh clone) it is built once here.
// CALLCENTER_QA_CLI points at another build (e.g. one in a temp folder while dist is busy).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const cliPath = process.env['CALLCENTER_QA_CLI'] ?? fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** Builds dist/ when the CLI is not there. */
export function ensureBuilt(): void {
  if (existsSync(cliPath)) return;
  execFileSync('npx', ['tsup'], { cwd: repoRoot, stdio: 'ignore' });
}

/** The outcome of one CLI run. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/cli.js <args>` and returns its exit code and output. */
export function runCli(args: readonly string[], cwd = repoRoot): CliRun {
  const run = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
