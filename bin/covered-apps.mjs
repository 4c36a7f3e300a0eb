#!/usr/bin/env node
// The `covered-apps` command (package.json "bin"): runs the TypeScript command line
// (src/inventory/cli/main.ts) through tsx, so a plain clone works after `npm ci`
// with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/inventory/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
