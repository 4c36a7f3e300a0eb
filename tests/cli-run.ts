// Runs the covered-apps command line in this process (src/inventory/cli/main.ts, the
// code bin/covered-apps.mjs runs) and collects its exit code and output.
import { Readable, Writable } from 'node:stream';
import { main } from '../src/inventory/cli/main';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { text: () => string };
  w.text = () => chunks.join('');
  return w;
}

export async function runCli(args: string[], stdin = ''): Promise<CliResult> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(args, { stdin: Readable.from([stdin]), stdout, stderr });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
