// The package works from CommonJS too.
const assert = require('node:assert/strict');
const { parseContact } = require('callcenter-qa');

const chat = parseContact({
  id: 'T-1',
  channel: 'chat',
  direction: 'inbound',
  offeredAt: '2026-03-02T10:00:00+08:00',
  answered: true,
  messages: [{ from: 'customer', at: '2026-03-02T10:00:00+08:00', text: '你好' }],
});
console.log(`${chat.id}: ${chat.messages.length} message(s)`);
assert.equal(chat.messages.length, 1);
