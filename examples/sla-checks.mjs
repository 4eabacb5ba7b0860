// Complaint deadlines of the gas utility's standard (seed 003 §四.2 投诉解决时限), checked on three
// complaints with the mainland-China business calendar. Run after `npm run build`.
import assert from 'node:assert/strict';
import { calendars, checkSla, parseComplaint, slaCompliance, slaRuleSets } from 'callcenter-qa';

const rules = slaRuleSets.gasUtilityComplaintLevels; // level 1: 2 h, 2: 48 h, 3: 4 working days, 4: 7 working days
const calendar = calendars.chinaMainland;
const now = Date.parse('2026-03-09T12:00:00+08:00'); // "as of" Monday noon: K3 is still open

const complaints = [
  // Level 1, accepted Monday 09:00, resolved 10:30 and answered 10:40: done 10:40, due 11:00.
  { id: 'K1', level: 1, filedAt: '2026-03-02T08:50:00+08:00', acceptedAt: '2026-03-02T09:00:00+08:00',
    resolvedAt: '2026-03-02T10:30:00+08:00', repliedAt: '2026-03-02T10:40:00+08:00' },
  // Level 2, accepted Monday 09:00, due 48 h later (Wednesday 09:00), done Wednesday 12:00: 3 h late.
  { id: 'K2', level: 2, filedAt: '2026-03-02T09:00:00+08:00', acceptedAt: '2026-03-02T09:00:00+08:00',
    resolvedAt: '2026-03-04T12:00:00+08:00', repliedAt: '2026-03-04T12:00:00+08:00' },
  // Level 3, accepted Friday 6 March 10:00: 4 working days are Mon 9, Tue 10, Wed 11, Thu 12 → due Thursday 10:00.
  { id: 'K3', level: 3, filedAt: '2026-03-06T10:00:00+08:00', acceptedAt: '2026-03-06T10:00:00+08:00' },
].map((input) => parseComplaint(input));

const hours = (ms) => ms / 3_600_000;
for (const complaint of complaints) {
  const [step] = checkSla(complaint, rules, calendar, { now });
  console.log(`${complaint.id} ${step.ruleId}: ${step.status}, due ${new Date(step.dueAt).toISOString()}${step.lateMs > 0 ? `, ${hours(step.lateMs)} h late` : ''}`);
}
const [k1, k2, k3] = complaints.map((c) => checkSla(c, rules, calendar, { now })[0]);
assert.equal(k1.status, 'met');
assert.equal(k1.dueAt, Date.parse('2026-03-02T11:00:00+08:00'));
assert.equal(k2.status, 'missed');
assert.equal(hours(k2.lateMs), 3);
assert.equal(k3.status, 'pending');
assert.equal(k3.dueAt, Date.parse('2026-03-12T10:00:00+08:00'));

// On-time rate per rule: met ÷ (met + missed + overdue); a rule with nothing due yet is null, with a reason.
const compliance = slaCompliance(complaints, rules, calendar, { now });
assert.equal(compliance.rules.level1Resolution.value, 1); // 1 of 1
assert.equal(compliance.rules.level2Resolution.value, 0); // 0 of 1
assert.equal(compliance.rules.level3Resolution.value, null); // K3 is pending
console.log(`level 3: ${compliance.rules.level3Resolution.reason}`);
// Overall: 1 met of the 2 steps that have come due.
assert.equal(compliance.overall.value, 0.5);
