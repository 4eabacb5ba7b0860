export * from './generateSampleMonth.js';
export * from './writeSampleMonth.js';
export { createRandom, type Random } from './random.js';
