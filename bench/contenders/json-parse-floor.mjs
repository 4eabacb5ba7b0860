// Floor: JSON.parse of each NDJSON line (read with fs.readSync into a reused Buffer, lines
// decoded one by one). What any reader that builds a JavaScript object per row pays at least.
//   node bench/contenders/json-parse-floor.mjs <file.ndjson>
import { closeSync, openSync, readSync } from 'node:fs';

const [file] = process.argv.slice(2);
const started = performance.now();
const fd = openSync(file, 'r');
let buffer = Buffer.allocUnsafe(1 << 22);
let filled = 0;
let rows = 0;
let answered = 0;
for (;;) {
  const n = readSync(fd, buffer, filled, buffer.length - filled, null);
  const end = filled + n;
  let start = 0;
  let nl = buffer.indexOf(10, 0);
  while (nl !== -1 && nl < end) {
    if (nl > start) {
      const record = JSON.parse(buffer.toString('utf8', start, nl));
      rows++;
      if (record.answered === true) answered++;
    }
    start = nl + 1;
    nl = buffer.indexOf(10, start);
  }
  if (n === 0) {
    if (end > start) {
      JSON.parse(buffer.toString('utf8', start, end));
      rows++;
    }
    break;
  }
  buffer.copy(buffer, 0, start, end);
  filled = end - start;
  if (filled === buffer.length) {
    const bigger = Buffer.allocUnsafe(buffer.length * 2);
    buffer.copy(bigger, 0, 0, filled);
    buffer = bigger;
  }
}
closeSync(fd);
console.log(JSON.stringify({ rows, answered, innerSeconds: (performance.now() - started) / 1000 }));
