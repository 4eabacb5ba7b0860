// Reading exported records: what is accepted, what is rejected and how the error reads.
import assert from 'node:assert/strict';
import { parseContact, safeParseContact } from 'callcenter-qa';

const call = parseContact({
  id: 'C-1001',
  channel: 'phone',
  direction: 'inbound',
  agentId: 'A07',
  offeredAt: '2026-03-02T09:00:00+08:00',
  answered: true,
  answeredAt: '2026-03-02T09:00:04+08:00',
  csat: '', // exports write empty strings for absent values
});
console.log(`C-1001 waited ${call.waitSeconds} s`);
assert.equal(call.waitSeconds, 4);
assert.equal(call.csat, undefined);

const bad = safeParseContact({ ...call, id: 'C-1002', waitSeconds: -3, nps: 11 }, { source: { file: 'calls.ndjson', line: 2 } });
assert.equal(bad.success, false);
console.log(bad.error.message);
assert.equal(
  bad.error.message,
  [
    'Invalid contact "C-1002" (calls.ndjson:2): 2 problems',
    '✖ waitSeconds: expected a number ≥ 0, got -3',
    '✖ nps: expected a whole number from 0 to 10, got 11',
  ].join('\n'),
);
