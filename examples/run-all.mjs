// Runs every example script against the built package (they import 'callcenter-qa' by name,
// which Node resolves to this package through its own "exports"). Each example asserts what
// it prints, so a non-zero exit is a failed example.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const scripts = readdirSync(here)
  .filter((name) => /\.(mjs|cjs)$/.test(name) && name !== 'run-all.mjs')
  .sort();

let failed = 0;
for (const name of scripts) {
  const run = spawnSync(process.execPath, [name], { cwd: here, encoding: 'utf8' });
  if (run.status === 0) {
    console.log(`✓ examples/${name}`);
  } else {
    failed += 1;
    console.log(`✖ examples/${name} (exit ${run.status})\n${run.stdout}${run.stderr}`);
  }
}
console.log(`examples: ${scripts.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
