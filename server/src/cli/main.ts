#!/usr/bin/env node
/**
 * dist/cli.js, `docker-networking` (#21): the language server's modes on the command
 * line, for CI pipelines and pre-commit hooks. See runCli.ts and `--help`.
 */
import * as fs from 'fs';
import { runCli } from './runCli';

void runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin: () => fs.readFileSync(0, 'utf8'),
}).then((code) => {
  // exitCode, not exit(): a large report written to a pipe is flushed before the process ends.
  process.exitCode = code;
});
