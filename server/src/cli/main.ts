/**
 * dist/cliMain.js, loaded by dist/cli.js (boot.ts), `docker-networking` (#21): the
 * language server's modes on the command line, for CI pipelines and pre-commit hooks.
 * See runCli.ts and `--help`.
 */
import * as fs from 'fs';

/**
 * Settles once the run is over and its exit code set; the loader then saves the code cache.
 *
 * runCli.js is loaded with import(), which esbuild bundles as a module initialised on first
 * use: an incomplete install (a data file missing next to the bundle) then fails here, with
 * exit code 2 and a sentence, not with a stack trace from loading the bundle.
 */
// A reader that stops early (`docker-networking check | head`) closes the pipe: the rest of
// the report has nowhere to go, which is no error of the check's. Unheard, Node would die
// on it with a stack trace; the run ends as it would have, with the check's exit code.
// Any other failure to write the report (a full disk: ENOSPC, `> /dev/full`) loses it, so
// the run must not pass: one line on standard error and exit code 2 (#21). Standard error
// failing leaves nobody to tell; the run ends with the check's exit code.
let reportLost = false;
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE' || reportLost) return;
  reportLost = true;
  process.exitCode = 2;
  process.stderr.write(`docker-networking: the report cannot be written to standard output (${err.code ?? err.message}).\n`);
});
process.stderr.on('error', () => undefined);

export const finished: Promise<void> = import('./runCli.js')
  .then(({ runCli }) =>
    runCli(process.argv.slice(2), {
      cwd: process.cwd(),
      env: process.env,
      stdout: process.stdout,
      stderr: process.stderr,
      stdinIsTTY: process.stdin.isTTY === true,
      // Through the stream, not fs.readFileSync(0): that throws EAGAIN when standard input is
      // a non-blocking pipe or socket (as some CI runners and parents hand it over, #21).
      readStdin: async (maxBytes) => {
        // The stream reads a directory (`< some/folder`) as empty text: said instead, not checked as an empty file.
        if (fs.fstatSync(0).isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
        // Bounded as files are: `< /dev/zero` would otherwise fill memory up to V8's longest string.
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > maxBytes) {
            process.stdin.destroy();
            return undefined;
          }
          chunks.push(chunk);
        }
        return Buffer.concat(chunks);
      },
    }),
  )
  .then(
    (code) => {
      // exitCode, not exit(): boot.ts ends the process once what was written is flushed.
      process.exitCode = reportLost ? 2 : code;
    },
    (err: unknown) => {
      process.stderr.write(`docker-networking: cannot start: ${(err as Error)?.message ?? String(err)}\n`);
      process.exitCode = 2;
    },
  );
