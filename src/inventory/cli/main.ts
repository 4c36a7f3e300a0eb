// `covered-apps` — the command line (bin/covered-apps.mjs runs it through tsx).
//   covered-apps check FILE… [--format F] [--url URL] [--output table|json|csv|markdown] [--as-of DATE]
//   covered-apps explain NAME [--as-of DATE] [--output table|json]
//   covered-apps list [--as-of DATE] [--output table|json|csv|markdown]
// Exit codes: 0 nothing flagged, 1 something flagged, 2 bad input or usage (the
// other inputs are still checked and reported).

import { parseArgs } from 'node:util';
import type { Readable, Writable } from 'node:stream';
import { dataset } from '../../data/dataset';
import { countRow, createChecker, emptySummary } from '../check';
import { explainEntity, explanationText, findEntity, listRecord } from '../explain';
import { FORMATS, type InventoryFormat } from '../read';
import { formatInputError, type InputError } from '../row';
import { parseProfile, profileKey, type Profile } from '../../profile/profile';
import { createWriter, csvCell, OUTPUTS, type InputInfo, type OutputFormat } from '../write';
import { readInputFile } from './read-file';

export const USAGE = `Usage:
  covered-apps check FILE… [options]   check inventories ('-' reads standard input)
  covered-apps explain NAME [options]  one app or company: identifiers, measures, status, timeline, sources
  covered-apps list [options]          the record: every covered app and company × measure

Options:
  --format F      input format (default: detected): ${FORMATS.join(', ')}
  --url URL       saved pages: the page's address (default: its canonical or og:url link)
  --output O      ${OUTPUTS.join(', ')} (default: table)
  --as-of DATE    statuses as of DATE (YYYY-MM-DD; default: the data's date)
  --profile P     whom to give the verdict for (repeatable): government:REGION, procurement:REGION,
                  public:COUNTRY, journalist (REGION: US, US-TX, CA, GB, EU, AU…); adds a verdict per match

Exit: 0 nothing flagged, 1 something flagged, 2 bad input (every other input is still checked).
`;

export interface Io {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** Writes, waiting for the stream to drain when it asks to (bounded memory on big outputs). */
function writer(stream: Writable): (s: string) => Promise<void> | void {
  return (s) => {
    if (!s || stream.write(s)) return;
    return new Promise((resolve) => stream.once('drain', resolve));
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function main(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        url: { type: 'string' },
        output: { type: 'string', short: 'o' },
        'as-of': { type: 'string' },
        profile: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    io.stderr.write(`error: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help || !command) {
    (values.help ? io.stdout : io.stderr).write(USAGE);
    return values.help ? 0 : 2;
  }
  const usage = (message: string) => {
    io.stderr.write(`error: ${message}\n\n${USAGE}`);
    return 2;
  };
  const output = (values.output ?? 'table') as OutputFormat;
  if (!OUTPUTS.includes(output)) return usage(`--output must be one of ${OUTPUTS.join(', ')}`);
  if (values.format && !FORMATS.includes(values.format as InventoryFormat)) return usage(`--format must be one of ${FORMATS.join(', ')}`);
  const date = values['as-of'];
  if (date !== undefined && (!ISO_DATE.test(date) || Number.isNaN(Date.parse(date)))) return usage(`--as-of must be a date written YYYY-MM-DD, not ${JSON.stringify(date)}`);

  const profiles: Profile[] = [];
  for (const v of (values.profile ?? []).flatMap((x) => x.split(','))) {
    const p = parseProfile(v.trim());
    if (!p) return usage(`--profile ${JSON.stringify(v)} is not a profile (government:US-TX, procurement:US, procurement:US-DOD, public:IN, journalist …)`);
    profiles.push(p);
  }

  switch (command) {
    case 'check':
      if (!args.length) return usage('check needs at least one FILE (or - for standard input)');
      return check(args, { format: values.format as InventoryFormat | undefined, url: values.url, output, date, profiles }, io);
    case 'explain': {
      if (!args.length) return usage('explain needs a NAME');
      const entity = findEntity(dataset, args.join(' '));
      if (!entity) {
        io.stderr.write(`error: no covered app or company is called ${JSON.stringify(args.join(' '))} (try covered-apps list)\n`);
        return 2;
      }
      const x = explainEntity(dataset, entity, date);
      io.stdout.write(output === 'json' ? JSON.stringify(x, null, 2) + '\n' : explanationText(x));
      return 0;
    }
    case 'list':
      io.stdout.write(listText(output, date));
      return 0;
    default:
      return usage(`unknown command ${JSON.stringify(command)}`);
  }
}

function listText(output: OutputFormat, date: string | undefined): string {
  const rows = listRecord(dataset, date);
  const header = ['entity', 'name', 'kind', 'measure', 'jurisdiction', 'status', 'effect'] as const;
  if (output === 'json') return JSON.stringify({ asOf: dataset.asOf, date: date ?? dataset.asOf, rows }, null, 2) + '\n';
  const cells = rows.map((r) => header.map((h) => r[h]));
  if (output === 'csv') return [header.join(','), ...cells.map((c) => c.map(csvCell).join(','))].join('\r\n') + '\r\n';
  if (output === 'markdown') return `| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|\n` + cells.map((c) => `| ${c.map((x) => x.replace(/\|/g, '\\|')).join(' | ')} |\n`).join('');
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => Math.min(c[i]!.length, 60))));
  const line = (c: readonly string[]) => c.map((x, i) => (x.length > 60 ? x.slice(0, 59) + '…' : x).padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), ...cells.map(line)].join('\n') + '\n';
}

interface CheckOptions {
  format?: InventoryFormat;
  url?: string;
  output: OutputFormat;
  date?: string;
  profiles: Profile[];
}

async function check(files: string[], options: CheckOptions, io: Io): Promise<number> {
  const checker = createChecker(dataset, options.date, options.profiles);
  const w = createWriter(options.output);
  const out = writer(io.stdout);
  const summary = emptySummary();
  const errors: InputError[] = [];
  const inputs: InputInfo[] = [];
  await out(w.begin({ asOf: checker.asOf, date: checker.date, ...(options.profiles.length ? { profile: options.profiles.map(profileKey).join(',') } : {}) }));
  for (const path of files) {
    const info: InputInfo = { file: path === '-' ? '<stdin>' : path, rows: 0 };
    inputs.push(info);
    for await (const ev of readInputFile(path, options, io.stdin)) {
      if ('format' in ev) {
        if (ev.format) info.format = ev.format;
      } else if ('error' in ev) {
        errors.push(ev.error);
        io.stderr.write(`error: ${formatInputError(ev.error)}\n`);
      } else {
        const r = checker.check(ev.row);
        info.rows++;
        countRow(summary, r);
        const s = w.row(r);
        if (s) await out(s);
      }
    }
  }
  await out(w.end(summary, errors, inputs));
  return errors.length ? 2 : summary.flagged ? 1 : 0;
}
