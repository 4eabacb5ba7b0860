import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeParseComplaint, safeParseContact } from '../../src/records/index.js';
import { arbitraryComplaint, arbitraryContact } from '../../src/testing/records.js';

describe('record arbitraries of callcenter-qa/testing', () => {
  it('every generated contact passes the schema unchanged', () => {
    fc.assert(
      fc.property(arbitraryContact(), (contact) => {
        const read = safeParseContact(contact);
        expect(read.success ? '' : read.error.message).toBe('');
        if (read.success) expect(read.data).toEqual(contact);
      }),
      { numRuns: 300 },
    );
  });

  it('every generated complaint passes the schema unchanged', () => {
    fc.assert(
      fc.property(arbitraryComplaint(), (complaint) => {
        const read = safeParseComplaint(complaint);
        expect(read.success ? '' : read.error.message).toBe('');
        if (read.success) expect(read.data).toEqual(complaint);
      }),
      { numRuns: 300 },
    );
  });
});
