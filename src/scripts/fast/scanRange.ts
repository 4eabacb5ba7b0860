import { closeSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import type { Contact } from '../../records/index.js';
import { ByteTable, hashBytes } from './byteTable.js';
import { IdSet, type IdSetData } from './idSet.js';
import { ContactKernel } from './contactKernel.js';
import { ContactScanner } from './contactScanner.js';
import { GeneralRows } from './generalRow.js';
import type { RangeBoard } from './rangeBoard.js';
import type { CellSink } from '../../report/cellInput.js';
import type { FastSink, RangeReject, RangeResult, RangeTask } from './types.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;
/**
 * Bytes a read takes (a task's `readBytes` otherwise); with a board, what a reader claims at a
 * time (what is unclaimed another thread may take). The buffer holds four reads.
 */
const READ_BYTES = 1 << 20;

/**
 * Where the CSV record starting at `p` ends, by the general CSV reader's rules (a quote opens a
 * field only at its start; `""` inside quotes is a quote): the index of its terminating LF,
 * `limit` when the bytes end there outside quotes and no more follow (`final`), or -1 when more
 * bytes are needed (or, `final`, the quote is never closed).
 */
function csvRecordEnd(src: Uint8Array, p: number, limit: number, final: boolean): number {
  let inQuotes = false;
  let fieldStart = p;
  for (let i = p; i < limit; i++) {
    const c = src[i]!;
    if (inQuotes) {
      if (c === QUOTE) {
        if (i + 1 >= limit && !final) return -1;
        if (i + 1 < limit && src[i + 1] === QUOTE) {
          i++;
          continue;
        }
        inQuotes = false;
      }
      continue;
    }
    if (c === COMMA) fieldStart = i + 1;
    else if (c === LF) return i;
    else if (c === QUOTE && i === fieldStart) inQuotes = true;
  }
  // Not final: the record goes on in bytes not read yet, inside quotes or not.
  return inQuotes || !final ? -1 : limit;
}

const countLf = (src: Uint8Array, start: number, end: number): number => {
  let n = 0;
  for (let i = start; i < end; i++) if (src[i] === LF) n++;
  return n;
};

/** Why a range gives up when a cut fell inside a quoted field (the caller retries uncut). */
export const spansRanges = 'a quoted field spans two ranges';

/** Thrown inside a range scan to give the whole run back to the general path. */
class Abort extends Error {}

/**
 * Scans one byte range of one file: every row is read by the fast scanner or, failing that, by
 * the exact general path; accepted contacts go to `sink.addContact` (the fast ones in one reused
 * object); ids are kept once (first wins within the range; `task.excluded` lists ids an earlier
 * range already holds). Returns the range's counts, rejects (with lines relative to the range),
 * its id table and the sink's state.
 *
 * @param task - the file, the byte range and how to read it
 * @param sink - where accepted contacts go
 * @param board - the ranges shared with other threads, when the range's end may be moved by a
 * thread that takes its second part (the range is `task.index` there; bytes are claimed before
 * they are read)
 * @returns the range's result; `abort` set when the general path must read the whole input
 */
export function scanRange(task: RangeTask, sink: FastSink, board?: RangeBoard): RangeResult {
  // A report builder with default KPIs takes rows through the fused kernel: no contact object,
  // no text decoded a row. Rows the general path reads still go to `sink.addContact`.
  const kernel = ContactKernel.for(sink);
  const scanner = new ContactScanner(task.columns ?? [], kernel !== undefined);
  const general = new GeneralRows(task.file, task.header, task.timeZone);
  const ids = new IdSet(1 << 16, true);
  const excluded = task.excluded ? ByteTable.from(task.excluded) : undefined;
  const rejects: RangeReject[] = [];
  let rows = 0;
  let accepted = 0;
  let rejected = 0;
  let duplicates = 0;
  let lines = 0;
  const csv = task.format === 'csv';
  const contact = scanner.contact as unknown as Contact;

  const reject = (line: number, raw: string, reasons: readonly string[], duplicate: boolean): void => {
    if (rejects.length >= task.maxRejects) throw new Abort(`more than ${task.maxRejects} rejects in one range`);
    rejects.push(csv && !duplicate && raw.includes('\n') ? { line, raw, reasons, duplicate, spansLines: true } : { line, raw, reasons, duplicate });
  };
  // First wins: an id an earlier range holds, or one this range already kept, makes a duplicate.
  const isDuplicate = (src: Uint8Array, start: number, end: number, hash: number): boolean =>
    (excluded !== undefined && excluded.find(src, start, end, hash) >= 0) || !ids.add(src, start, end, hash);
  const duplicate = (line: number, raw: string, id: string): void => {
    duplicates++;
    reject(line, raw, [`duplicate id ${JSON.stringify(id)}: an earlier row with this id is kept`], true);
  };
  const viaGeneral = (text: string, line: number): void => {
    const outcome = csv ? general.csv(text, line) : general.ndjson(text, line);
    if (outcome.kind === 'blank') return;
    rows++;
    const raw = csv || !text.endsWith('\r') ? text : text.slice(0, -1);
    if (outcome.kind === 'reject') {
      rejected++;
      if (task.strict) throw new Abort('a row is rejected under --strict');
      reject(line, raw, outcome.reasons, false);
      return;
    }
    const idBytes = Buffer.from(outcome.contact.id, 'utf8');
    if (isDuplicate(idBytes, 0, idBytes.length, hashBytes(idBytes, 0, idBytes.length))) duplicate(line, raw, outcome.contact.id);
    else {
      accepted++;
      sink.addContact(outcome.contact);
    }
  };

  const fd = openSync(task.file, 'r');
  const readBytes = task.readBytes ?? READ_BYTES; // a whole number ≥ 1 (fastIngestContacts checks it)
  let buf = Buffer.allocUnsafe(readBytes * 4);
  let bufAt = task.start; // file offset of buf[0]
  let filled = 0;
  let validated = 0; // bytes of buf already checked as UTF-8
  let reserved = false;
  let rangeEnd = task.end;
  try {
    for (;;) {
      // How far this read may go: a read's bytes, no further than the range's end, or with a
      // board what it lets this reader claim (another thread may take the range's second part).
      const ask = bufAt + Math.min(buf.length, filled + readBytes);
      let to = Math.min(rangeEnd, ask);
      if (board !== undefined) {
        const claim = board.claim(task.index, ask);
        to = claim.to;
        rangeEnd = claim.end;
      }
      const want = Math.min(buf.length - filled, to - (bufAt + filled));
      const n = want > 0 ? readSync(fd, buf, filled, want, bufAt + filled) : 0;
      const avail = filled + n;
      const final = (to === rangeEnd && bufAt + avail >= rangeEnd) || n === 0;
      // UTF-8 is checked on whole lines, so a character is never cut in two.
      const lastLf = final ? avail : buf.lastIndexOf(LF, avail - 1) + 1;
      if (lastLf > validated) {
        if (!isUtf8(buf.subarray(validated, lastLf))) throw new Abort('the input is not UTF-8');
        validated = lastLf;
      }
      let p = 0;
      while (p < avail) {
        // The common NDJSON row is read with its end found on the way (see scanJsonLine); any
        // other line's end is sought first.
        let nl = csv ? -1 : scanner.scanJsonLine(buf, p, avail, final);
        let end: number;
        let scanned = nl >= 0;
        if (scanned) end = nl > p && buf[nl - 1] === CR ? nl - 1 : nl;
        else {
          nl = buf.indexOf(LF, p);
          if (nl === -1 || nl >= avail) {
            if (!final) break;
            nl = avail;
          }
          end = nl > p && buf[nl - 1] === CR ? nl - 1 : nl;
          if (end === p) {
            // A blank line: no data, not a row (both readers skip it).
            lines += nl < avail ? 1 : 0;
            p = nl + 1;
            continue;
          }
          // NDJSON again within the line's own end: scanJsonLine cannot know it, so a value near the
          // end (a 20-byte `…Z` timestamp before `}` and CR LF) can make it peek into the next line
          // and refuse a row the scanner reads (scanner.test.ts has the case).
          scanned = csv ? scanner.scanCsv(buf, p, end) : scanner.scanJson(buf, p, end);
        }
        const line = lines + 1;
        if (scanned) {
          rows++;
          // No closure for the raw text here: this runs once a row, and the text is needed only for a duplicate.
          if (isDuplicate(buf, scanner.idStart, scanner.idEnd, scanner.idHash)) {
            duplicate(line, buf.toString('utf8', p, end), buf.toString('utf8', scanner.idStart, scanner.idEnd));
          } else {
            accepted++;
            if (kernel === undefined) sink.addContact(contact);
            else kernel.add(scanner.contact, scanner.agentIndex, scanner.topicIndex);
          }
          lines += nl < avail ? 1 : 0;
          p = nl + 1;
          continue;
        }
        if (csv) {
          // The record may run over several lines inside quotes.
          const recordEnd = csvRecordEnd(buf, p, avail, final);
          if (recordEnd === -1) {
            if (!final) break; // read more, then try again from p
            throw new Abort(rangeEnd === task.fileSize ? 'a quoted field is never closed' : spansRanges);
          }
          nl = recordEnd;
          end = nl > p && buf[nl - 1] === CR ? nl - 1 : nl;
          lines += countLf(buf, p, nl) + (nl < avail ? 1 : 0);
        } else {
          lines += nl < avail ? 1 : 0;
        }
        // An NDJSON line goes with its CR, as ingest's line reader gives it (which drops one).
        viaGeneral(buf.toString('utf8', p, csv ? end : nl), line);
        p = nl + 1;
      }
      if (final) break;
      if (!reserved && rows > 0) {
        // Size the id table once from the first chunk's bytes per row (no repeated rehashing).
        reserved = true;
        const consumed = bufAt + p - task.start;
        // Numbered ids live in bit lanes: only the others need room in the byte table.
        if (ids.tableCount > 0) ids.table.reserve(Math.ceil(((rangeEnd - task.start) / consumed) * ids.tableCount * 1.05));
      }
      // Keep the unfinished record; grow the buffer when one record fills it.
      const rest = avail - p;
      if (rest === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, rest);
        buf = bigger;
      } else if (rest > 0) buf.copy(buf, 0, p, avail);
      bufAt += p;
      filled = rest;
      validated = Math.max(0, validated - p);
    }
  } catch (error) {
    // The run is given back or fails: other threads take no more parts (they would be read for nothing).
    board?.stop();
    if (error instanceof Abort) return abortResult(task, error.message);
    throw error;
  } finally {
    closeSync(fd);
  }
  kernel?.flushInto(sink as unknown as CellSink, scanner.texts);
  return {
    index: task.index,
    state: sink.state(),
    rows,
    accepted,
    rejected,
    duplicates,
    lines,
    rejects,
    ids: ids.data(),
    bytes: rangeEnd - task.start,
  };
}

function abortResult(task: RangeTask, reason: string): RangeResult {
  const none: IdSetData = { table: { arena: new ArrayBuffer(0), used: 1, slots: new ArrayBuffer(8), count: 0 }, lanes: [] };
  return { index: task.index, state: null, rows: 0, accepted: 0, rejected: 0, duplicates: 0, lines: 0, rejects: [], ids: none, bytes: 0, abort: reason };
}
