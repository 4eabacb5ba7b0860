// A monthly report from code: records in, the report object and its Markdown out.
// The CLI does the same over files (`callcenter-qa report`); here the records come from your code.
// Run after `npm run build`: node examples/monthly-report.mjs
import assert from 'node:assert/strict';
import { calendars, createReportBuilder, parseContact, renderJson, renderMarkdown } from 'callcenter-qa';

// Four calls on Monday 2 March 2026 (Shanghai). alwaysOpen: every call counts in the answer rate
// (with calendars.chinaMainland only calls in working hours would, as seed 000 asks).
const builder = createReportBuilder({ timeZone: 'Asia/Shanghai', calendar: calendars.alwaysOpen });
const calls = [
  { id: 'C1', agentId: 'A01', offeredAt: '2026-03-02T09:00:00+08:00', answered: true, waitSeconds: 4, talkSeconds: 180, csat: 5 },
  { id: 'C2', agentId: 'A01', offeredAt: '2026-03-02T09:30:00+08:00', answered: true, waitSeconds: 10, talkSeconds: 240, csat: 4 },
  { id: 'C3', agentId: 'A02', offeredAt: '2026-03-02T10:00:00+08:00', answered: true, waitSeconds: 30, talkSeconds: 300 },
  { id: 'C4', agentId: 'A02', offeredAt: '2026-03-02T10:05:00+08:00', answered: false, waitSeconds: 45 },
];
for (const call of calls) builder.addContact(parseContact({ channel: 'phone', direction: 'inbound', ...call }));
builder.noteInput({ rows: 4, accepted: 4, rejected: 0, duplicates: 0 });
const report = builder.finish();

const { answerRate, averageSpeedOfAnswer, csat } = report.kpis;
console.log(`answer rate ${answerRate.numerator}/${answerRate.denominator} = ${answerRate.value}`);
console.log(`ASA ${averageSpeedOfAnswer.value.toFixed(2)} s, CSAT ${csat.value}`);
assert.deepEqual([answerRate.numerator, answerRate.denominator, answerRate.value], [3, 4, 0.75]); // 3 answered of 4
assert.equal(averageSpeedOfAnswer.value, (4 + 10 + 30) / 3); // answered calls only: 14.67 s
assert.equal(csat.value, (5 + 4) / 2); // rated calls only: 4.5
assert.deepEqual(Object.keys(report.byAgent).sort(), ['A01', 'A02']);
assert.equal(report.byAgent.A01.kpis.answerRate.value, 1); // 2 of 2
assert.equal(report.byAgent.A02.kpis.answerRate.value, 0.5); // 1 of 2
assert.deepEqual(report.period.months, ['2026-03']);

// Render it: Markdown for chat and wikis (renderHtml, renderCsv and renderJson work the same way).
const markdown = renderMarkdown(report, { lang: 'en' });
console.log(markdown.split('\n').slice(0, 6).join('\n'));
assert.match(markdown, /Answer rate/);
assert.deepEqual(JSON.parse(renderJson(report)).input, report.input);
