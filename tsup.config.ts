import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: pure, no I/O, importable from ESM and CommonJS.
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    treeshake: true,
    external: ['fast-check'],
  },
  {
    // The command line: ESM only, with its shebang.
    entry: { cli: 'src/scripts/cli.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
