// Contender: our fast path (src/scripts/fast) feeding the report builder, end to end in one
// process, bundled on the fly from source (esbuild, already a dev dependency through tsup) into
// bench/data/.build/ — so it can be timed before and apart from the CLI.
//   node bench/contenders/fast.mjs <file> <out.json> [workers]
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outFile = join(here, '..', 'data', '.build', 'fast-entry.mjs');
// Rebuilt only when a source is newer than the bundle, so timed runs do not pay for esbuild.
const newestSource = () => {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(here, '..', '..', 'src'));
  return Math.max(newest, statSync(join(here, '..', 'lib', 'fast-entry.ts')).mtimeMs);
};
if (!existsSync(outFile) || process.env.BENCH_REBUILD === '1' || statSync(outFile).mtimeMs < newestSource()) {
  mkdirSync(dirname(outFile), { recursive: true });
  await build({
    entryPoints: [join(here, '..', 'lib', 'fast-entry.ts')],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    packages: 'external',
  });
}
await import(pathToFileURL(outFile).href);
