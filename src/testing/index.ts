export * from './records.js';
export * from './evaluations.js';
export * from './checkRubric.js';
