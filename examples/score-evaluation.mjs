// Scoring one QA evaluation against the built-in QC rubric v3.1 (seed 004), and what a red line does.
// Run after `npm run build`: node examples/score-evaluation.mjs
import assert from 'node:assert/strict';
import { parseEvaluation, qcRubricV31, rubricOutline, scoreEvaluation } from 'callcenter-qa';

// Start from full marks on every item (the rubric's outline lists items and their maximum points).
const outline = rubricOutline(qcRubricV31);
const fullMarks = Object.fromEntries(outline.items.map((item) => [item.id, item.max]));
assert.equal(outline.max, 109);

// The rater heard a lukewarm greeting and some impatience: enthusiasm 6 of 10, patience 3 of 6.
const evaluation = parseEvaluation({
  contactId: 'C-20260302-0042',
  raterId: 'QA02',
  rubricId: 'qc-v3.1',
  scores: { ...fullMarks, enthusiasm: 6, patience: 3 },
});
const report = scoreEvaluation(qcRubricV31, evaluation);
console.log(`${report.contactId}: ${report.total} / ${report.max} = ${report.percent.toFixed(1)}%`);
// 109 − (10 − 6) − (6 − 3) = 102 points; 100 × 102 / 109 = 93.58 %.
assert.equal(report.total, 102);
assert.equal(report.percent, (100 * 102) / 109);
const awareness = report.sections.find((s) => s.id === 'serviceAwareness');
// Service awareness: 37 − 4 − 3 = 30.
assert.equal(awareness.score, 30);
assert.equal(awareness.max, 37);

// A forbidden phrase is a red line on "polite words": that item scores 0 whatever the rater gave.
const withRedLine = scoreEvaluation(qcRubricV31, parseEvaluation({ ...evaluation, redLines: ['forbiddenPhrase'] }));
console.log(`with a forbidden phrase: ${withRedLine.total} / ${withRedLine.max} (${withRedLine.beforeRedLines.total} before red lines)`);
// 102 − 2 (politeWords' 2 points) = 100.
assert.equal(withRedLine.total, 100);
assert.equal(withRedLine.beforeRedLines.total, 102);
assert.deepEqual(withRedLine.redLines.map((r) => [r.id, r.target, r.pointsZeroed]), [['forbiddenPhrase', 'politeWords', 2]]);
