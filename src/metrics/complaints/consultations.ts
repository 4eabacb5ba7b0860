import type { Complaint, Contact } from '../../records/index.js';
import { waitSecondsOf } from '../phone/wait.js';

/** Whether a record of the reply KPIs is a contact (it has a channel) rather than a complaint. */
export const isContact = (record: Contact | Complaint): record is Contact => 'channel' in record;

/** Seed 003's consultations 客户咨询: contacts of kind `consultation` unless told otherwise. */
export const isConsultation = (contact: Contact): boolean => contact.kind === 'consultation';

/**
 * When a consultation got its reply: a person answering it is the reply (the answer is given in
 * the call or chat), at `answeredAt` or `offeredAt + wait`; `undefined` when not answered, or
 * answered at an unknown time (the caller tells these apart by `contact.answered`).
 */
export function consultationRepliedAt(contact: Contact): number | undefined {
  if (!contact.answered) return undefined;
  if (contact.answeredAt !== undefined) return contact.answeredAt;
  const wait = waitSecondsOf(contact);
  return wait === undefined ? undefined : contact.offeredAt + wait * 1000;
}
