// Bundles a TypeScript file of bench/lib (importing ../../src) with esbuild and runs it.
//   node bench/contenders/run-ts.mjs bench/lib/builder-cost.ts [args…]
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const entry = resolve(process.argv[2]);
const outfile = join(here, '..', 'data', '.build', basename(entry).replace(/\.ts$/, '.mjs'));
mkdirSync(dirname(outfile), { recursive: true });
await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error', packages: 'external' });
process.argv.splice(2, 1);
await import(pathToFileURL(outfile).href);
