// `callcenter-qa report`'s options (node:util parseArgs), apart from the command so that the
// CLI's entry can read the arguments (to start the fast path's worker early) without loading it.

export const reportOptions = {
  map: { type: 'string' },
  month: { type: 'string' },
  tz: { type: 'string' },
  preset: { type: 'string' },
  calendar: { type: 'string' },
  evaluations: { type: 'string', multiple: true },
  complaints: { type: 'string', multiple: true },
  'complaints-map': { type: 'string' },
  format: { type: 'string', multiple: true },
  out: { type: 'string' },
  rejects: { type: 'string' },
  lang: { type: 'string' },
  strict: { type: 'boolean' },
  'show-pii': { type: 'boolean' },
  quiet: { type: 'boolean' },
  fast: { type: 'boolean' },
  'no-fast': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;
