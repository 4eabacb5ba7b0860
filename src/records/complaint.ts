import { z } from 'zod';
import { epochMs, flag, nonEmptyText } from './fields.js';

/**
 * A complaint and the moments of its handling, after reading (timestamps are epoch ms).
 * Every moment is optional but the filing; each must fall at or after `filedAt`.
 */
export const complaintSchema = z.object({
  /** The complaint's id; unique within an export. */
  id: nonEmptyText('a non-empty id'),
  /** The customer who complained. Masked in rendered reports. */
  customerId: nonEmptyText().optional(),
  /** The agent or owner responsible for it. */
  agentId: nonEmptyText().optional(),
  /** Severity tier: 1–3 in seed 002, 1–4 in seed 003. */
  level: z
    .number({ error: 'a whole number ≥ 1' })
    .int({ error: 'a whole number ≥ 1' })
    .min(1, { error: 'a whole number ≥ 1' })
    .optional(),
  /** Free-text topic. */
  topic: nonEmptyText().optional(),
  /** When the customer filed it; the clock of every deadline starts here or later. */
  filedAt: epochMs(),
  /** When the platform reviewed it (seed 000: within 1 h, or by 10:00 after a night filing). */
  reviewedAt: epochMs().optional(),
  /** When the provider accepted it. */
  acceptedAt: epochMs().optional(),
  /** When the customer was first contacted about it (seed 000: within 1 h of acceptance). */
  firstContactAt: epochMs().optional(),
  /** When the provider confirmed it (seed 000: rectified within 24 h of this). */
  confirmedAt: epochMs().optional(),
  /** When the customer got an answer. */
  repliedAt: epochMs().optional(),
  /** When the fault was rectified. */
  rectifiedAt: epochMs().optional(),
  /** When it was resolved. */
  resolvedAt: epochMs().optional(),
  /** When the ticket was closed. */
  closedAt: epochMs().optional(),
  /** Whether the customer must be called back (seed 001: complaints and complex issues). */
  callbackRequired: flag().optional(),
  /** When the customer was called back. */
  calledBackAt: epochMs().optional(),
  /** When the after-sales follow-up happened (seed 002: within 3 working days of closing). */
  followedUpAt: epochMs().optional(),
  /** The id of an earlier complaint about the same issue that this one repeats (seed 003). */
  repeatOf: nonEmptyText('the id of an earlier complaint').optional(),
  /** Whether the customer was satisfied with the handling. */
  satisfied: flag().optional(),
  /** Whether the customer is a key account (大客户), which has its own target in seed 003. */
  keyAccount: flag().optional(),
});

/** A complaint. */
export type Complaint = z.output<typeof complaintSchema>;

/** Fields of a complaint that hold instants, in the order they usually happen. */
export const complaintInstantFields = [
  'filedAt',
  'reviewedAt',
  'acceptedAt',
  'firstContactAt',
  'confirmedAt',
  'repliedAt',
  'rectifiedAt',
  'resolvedAt',
  'closedAt',
  'calledBackAt',
  'followedUpAt',
] as const;
