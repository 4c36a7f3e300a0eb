// The real command (bin/covered-apps.mjs, as `npx covered-apps` runs it) in a child
// process: exit 0 when nothing is flagged, 1 when something is, 2 on bad input or
// usage; errors name the file, line and field, and the other inputs are still checked.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const BIN = 'bin/covered-apps.mjs';

function run(args: string[], input = '') {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('covered-apps exit codes and errors (child process)', () => {
  it('exit 0: nothing flagged (CSV on standard input)', () => {
    const r = run(['check', '-', '--format', 'csv', '--output', 'json'], 'name,developer\r\nFirefox,Mozilla\r\n"Notes, Pro",Acme\r\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toMatchObject({ rows: 2, flagged: 0 });
    expect(out.rows.map((x: { name: string }) => x.name)).toEqual(['Firefox', 'Notes, Pro']);
  });

  it('exit 1: something flagged', () => {
    const r = run(['check', 'tests/fixtures/inventory/ios-devices.tsv']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/restricts\s+WeChat/);
  });

  it('exit 2: each bad input is named with its line and field, and the good one is still checked', () => {
    const r = run(['check', 'tests/fixtures/inventory/no-such-file.csv', 'tests/fixtures/inventory/wrong-columns.csv', 'tests/fixtures/inventory/ios-devices.tsv', '--output', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: tests/fixtures/inventory/no-such-file.csv:0: file: no such file');
    expect(r.stderr).toContain('error: tests/fixtures/inventory/wrong-columns.csv:1: header: no name, package or id column (columns: "hostname", "owner", "os")');
    expect(r.stdout).toContain('tests/fixtures/inventory/ios-devices.tsv,2,restricts,1,WeChat,app-wechat');
  });

  it('exit 2: usage errors', () => {
    const r = run(['check', 'tests/fixtures/inventory/ios-devices.tsv', '--output', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--output must be one of table, json, csv, markdown/);
    expect(r.stdout).toBe('');
  });
});
