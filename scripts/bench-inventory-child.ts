// One measured run for the inventory section of npm run bench (scripts/bench-inventory.mjs):
//   parse FILE — read and parse the CSV into rows (src/inventory/cli/read-file.ts), no matching
//   check FILE — the command line itself (src/inventory/cli/main.ts): `check FILE --output csv`, output discarded
// Prints one JSON line: rows, milliseconds after start-up, peak RSS (KB) of this process.
import { createReadStream, createWriteStream } from 'node:fs';
import { streamCsv } from '../src/inventory/cli/read-file';
import { main } from '../src/inventory/cli/main';
import { dataset } from '../src/data/dataset';
import { createChecker } from '../src/inventory/check';

const [mode, file] = process.argv.slice(2) as ['parse' | 'check', string];
// Start-up work both modes share is done before the clock starts: compiling the index.
createChecker(dataset);
const t0 = performance.now();
let rows = 0;
if (mode === 'parse') {
  for await (const ev of streamCsv(createReadStream(file), file, ',')) if ('row' in ev) rows++;
} else {
  const sink = createWriteStream('/dev/null');
  const code = await main(['check', file, '--output', 'csv'], { stdin: process.stdin, stdout: sink, stderr: process.stderr });
  if (code === 2) throw new Error('bad input');
  rows = -1; // counted by the caller from the file
  sink.end();
}
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ mode, rows, ms, maxRssKB: process.resourceUsage().maxRSS }) + '\n');
