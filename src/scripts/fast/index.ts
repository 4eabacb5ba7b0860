export * from './fastIngestContacts.js';
export * from './worker.js';
export type { FastSink, FastSinkFactory } from './types.js';
