// Floor: read the whole file into one reused Buffer with fs.readSync and count the lines;
// nothing is parsed. No reader of the file can be faster than this.
//   node bench/contenders/read-floor.mjs <file> <csv|ndjson>
import { closeSync, openSync, readSync } from 'node:fs';

const [file, format] = process.argv.slice(2);
const started = performance.now();
const fd = openSync(file, 'r');
const buffer = Buffer.allocUnsafe(1 << 22);
let lines = 0;
let bytes = 0;
for (;;) {
  const n = readSync(fd, buffer, 0, buffer.length, null);
  if (n === 0) break;
  bytes += n;
  let at = buffer.indexOf(10, 0);
  while (at !== -1 && at < n) {
    lines++;
    at = buffer.indexOf(10, at + 1);
  }
}
closeSync(fd);
const rows = format === 'csv' ? lines - 1 : lines;
console.log(JSON.stringify({ rows, bytes, innerSeconds: (performance.now() - started) / 1000 }));
