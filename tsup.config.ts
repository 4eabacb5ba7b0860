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
    // zod and @date-fns/tz inside the CLI's own files: Node's ESM loader resolving zod's many
    // modules cost ≈ 25 ms of every start, in the CLI and in each fast-path worker thread
    // (importing the report command: ≈ 90 ms → ≈ 62 ms). The library keeps them as dependencies.
    noExternal: ['zod', '@date-fns/tz'],
  },
]);
