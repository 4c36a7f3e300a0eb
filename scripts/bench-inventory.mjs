// Section 7 of npm run bench: the command line on a 1,000,000-row CSV (generated in a
// temporary folder, never committed). Reports rows/s, the ratio of checking to only
// reading and parsing the same file (rounds interleaved, same run), and peak RSS of
// each child process: bounded memory means the peak does not grow with the row count
// (a 100,000-row file is measured for comparison).
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A procurement-style CSV: header, quoted commas, one covered app every 1,000 rows, a look-alike every 1,000. */
async function writeCsv(path, rows) {
  const out = createWriteStream(path);
  out.write('\uFEFFAsset,Application Name,Publisher,Package Name,Notes\r\n');
  for (let i = 1; i <= rows; i++) {
    const line =
      i % 1000 === 0
        ? `A-${i},WeChat,Tencent,com.tencent.mm,"fleet, batch ${i}"\r\n`
        : i % 1000 === 500
          ? `A-${i},VidMate,VidMate Studio,com.nemo.vidmate,look-alike\r\n`
          : `A-${i},Field App ${i},"Contoso, Ltd.",com.contoso.field${i},\r\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function child(mode, file) {
  const stdout = execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/bench-inventory-child.ts', mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop());
}

export async function benchInventory({ quick, table, f, median }) {
  const dir = mkdtempSync(join(tmpdir(), 'covered-apps-bench-'));
  try {
    const sizes = quick ? [100_000, 1_000_000] : [100_000, 1_000_000];
    const rounds = quick ? 1 : 3;
    const result = {};
    for (const rows of sizes) {
      const file = join(dir, `inventory-${rows}.csv`);
      await writeCsv(file, rows);
      const parse = [];
      const check = [];
      for (let r = 0; r < rounds; r++) {
        parse.push(child('parse', file));
        check.push(child('check', file));
      }
      const parseMs = median(parse.map((x) => x.ms));
      const checkMs = median(check.map((x) => x.ms));
      result[rows] = {
        rows,
        parseRowsPerS: rows / (parseMs / 1000),
        checkRowsPerS: rows / (checkMs / 1000),
        ratioCheckToParse: median(check.map((c, i) => c.ms / parse[i].ms)),
        peakRssMB: { parse: Math.max(...parse.map((x) => x.maxRssKB)) / 1024, check: Math.max(...check.map((x) => x.maxRssKB)) / 1024 },
      };
      rmSync(file);
    }
    table(
      Object.values(result).map((x) => [
        x.rows.toLocaleString('en'),
        f(x.checkRowsPerS, 0),
        f(x.parseRowsPerS, 0),
        f(x.ratioCheckToParse, 2),
        f(x.peakRssMB.check, 0),
        f(x.peakRssMB.parse, 0),
      ]),
      ['rows', 'check rows/s', 'parse-only rows/s', 'check ÷ parse', 'peak RSS check (MB)', 'peak RSS parse (MB)'],
    );
    const [small, big] = sizes.map((n) => result[n]);
    console.log(`peak RSS at 1,000,000 rows ÷ at 100,000 rows (check): ${f(big.peakRssMB.check / small.peakRssMB.check, 2)} (bounded memory: ≈ 1)`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
