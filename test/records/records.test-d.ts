import { describe, expectTypeOf, it } from 'vitest';
import type { CallRecord, ChatRecord, Complaint, Contact, ContactInput, Evaluation } from '../../src/records/index.js';
import { parseContact, safeParseContact } from '../../src/records/index.js';

describe('record types', () => {
  it('a contact is a call or a chat, told apart by channel', () => {
    expectTypeOf<Contact>().toEqualTypeOf<CallRecord | ChatRecord>();
    const contact = parseContact({});
    if (contact.channel === 'chat') expectTypeOf(contact.messages[0]!.from).toEqualTypeOf<'customer' | 'agent' | 'bot'>();
  });

  it('timestamps are epoch milliseconds after reading', () => {
    expectTypeOf<Contact['offeredAt']>().toEqualTypeOf<number>();
    expectTypeOf<Complaint['filedAt']>().toEqualTypeOf<number>();
  });

  it('optional fields stay optional', () => {
    expectTypeOf<CallRecord['csat']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Evaluation['scores']>().toEqualTypeOf<Record<string, number | 'na'>>();
  });

  it('the boundary type accepts ISO strings and empty optional fields', () => {
    const input: ContactInput = {
      id: 1,
      channel: 'phone',
      direction: 'inbound',
      offeredAt: '2026-03-02T09:00:00+08:00',
      answered: true,
      agentId: '',
    };
    expectTypeOf(input).toMatchTypeOf<ContactInput>();
  });

  it('safeParse narrows on success', () => {
    const result = safeParseContact({});
    if (result.success) expectTypeOf(result.data).toEqualTypeOf<Contact>();
    else expectTypeOf(result.error.issues[0]!.path).toEqualTypeOf<readonly (string | number)[]>();
  });
});
