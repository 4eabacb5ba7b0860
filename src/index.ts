export * from './records/index.js';
export * from './rubrics/index.js';
export * from './metrics/index.js';
export * from './calendar/index.js';
export * from './transcript/index.js';
export * from './report/index.js';
