// The README's tour, run: one example of each area, asserting the values the README shows.
import assert from 'node:assert/strict';
import {
  addWorkingDays,
  answerRate,
  autoQa,
  calendars,
  checkTargets,
  computeKpis,
  nps,
  parseContact,
  qcRubricV31,
  rubricOutline,
  scanTranscript,
  scoreEvaluation,
  targetPresets,
} from 'callcenter-qa';

// Rubrics: a call with full marks but for enthusiasm (6 of 10), verification not applicable,
// the warm-greeting bonus, and a forbidden phrase (the red line zeroes politeWords).
const fullMarks = Object.fromEntries(rubricOutline(qcRubricV31).items.map((item) => [item.id, item.max]));
const report = scoreEvaluation(qcRubricV31, {
  contactId: 'C-42',
  raterId: 'QA02',
  scores: { ...fullMarks, enthusiasm: 6, customerInfoVerification: 'na' },
  bonuses: ['greeting'],
  redLines: ['forbiddenPhrase'],
});
console.log(`QC v3.1: ${report.total}/${report.max} (${report.percent.toFixed(2)} %), before red lines ${report.beforeRedLines.total}`);
// 109 − 4 (enthusiasm) = 105 before red lines (etiquette 18 + 1 bonus is capped at its 18).
// The red line zeroes politeWords (2), and the greeting bonus wins 1 of it back: etiquette
// 18 − 2 + 1 = 17, total 104.
assert.equal(report.total, 104);
assert.equal(report.beforeRedLines.total, 105);

// KPIs: three calls, two answered.
const calls = [
  { id: 'a', answered: true, waitSeconds: 4 },
  { id: 'b', answered: true, waitSeconds: 40 },
  { id: 'c', answered: false, waitSeconds: 75 },
].map((c) => parseContact({ channel: 'phone', direction: 'inbound', offeredAt: '2026-03-02T10:00:00+08:00', ...c }));
const rate = answerRate(calls);
console.log(`answer rate ${rate.numerator}/${rate.denominator}`);
assert.deepEqual([rate.value, rate.numerator, rate.denominator], [2 / 3, 2, 3]);
assert.equal(answerRate([]).value, null);
const kpis = computeKpis(calls, ['answerRate', 'averageSpeedOfAnswer']);
assert.equal(kpis.averageSpeedOfAnswer.value, 22); // (4 + 40) / 2

// NPS: promoters 9–10, detractors 0–6.
const survey = [10, 9, 8, 6, 3].map((score, i) =>
  parseContact({ id: `n${i}`, channel: 'phone', direction: 'inbound', offeredAt: '2026-03-02T10:00:00+08:00', answered: true, nps: score }),
);
assert.equal(nps(survey).value, 0); // (2 − 2) / 5 × 100

// Targets: seed 003's hotline answer rate is ≥ 90 %.
const checked = checkTargets({ answerRate: rate }, targetPresets['gas-utility-hotline']);
const answerTarget = checked.outcomes.find((c) => c.id === 'answerRate');
console.log(`gas-utility answer-rate target: ${answerTarget.status} by ${answerTarget.margin.toFixed(3)}`);
assert.equal(answerTarget.status, 'missed');

// Calendars: 4 working days from the eve of China's 2025 National Day holiday.
const due = addWorkingDays(calendars.chinaMainland, '2025-09-30T10:00:00+08:00', 4);
console.log(`due ${due.toISOString()}`);
assert.equal(due.toISOString(), '2025-10-13T02:00:00.000Z'); // Oct 9, 10, 11 (Saturday worked), 13

// Transcripts: a forbidden phrase, full-width and spaced out, found at its offset in the original text.
const chat = parseContact({
  id: 'T-7',
  channel: 'chat',
  direction: 'inbound',
  offeredAt: '2026-03-02T10:00:00+08:00',
  answered: true,
  messages: [
    { from: 'customer', at: '2026-03-02T10:00:00+08:00', text: '我的燃气表不走了' },
    { from: 'agent', at: '2026-03-02T10:00:20+08:00', text: '这个我 管 不 了！' },
  ],
});
const hits = scanTranscript(chat).hits;
const hit = hits.find((h) => h.rule === 'forbidden');
console.log(`forbidden: ${JSON.stringify(hit.text)} at ${hit.start}–${hit.end} of message ${hit.messageIndex}`);
// '这个我 管 不 了！': 我 is code unit 2, 了 is 8, so the hit spans [2, 9).
assert.deepEqual([hit.messageIndex, hit.start, hit.end], [1, 2, 9]);
const suggestions = autoQa(chat, qcRubricV31);
assert.ok(suggestions.redLines.includes('forbiddenPhrase'));
