export * from './contact.js';
export * from './complaint.js';
export * from './evaluation.js';
export * from './errors.js';
export * from './parse.js';
export { toEpochMs, readInstant, describeValue, isKnownTimeZone, expectedInstant, minInstantMs, maxInstantMs, type InstantInput } from './instant.js';
