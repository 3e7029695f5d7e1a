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
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}

export const finished: Promise<void> = import('./runCli.js')
  .then(({ runCli }) =>
    runCli(process.argv.slice(2), {
      cwd: process.cwd(),
      env: process.env,
      stdout: process.stdout,
      stderr: process.stderr,
      readStdin: () => fs.readFileSync(0, 'utf8'),
    }),
  )
  .then(
    (code) => {
      // exitCode, not exit(): a large report written to a pipe is flushed before the process ends.
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`docker-networking: cannot start: ${(err as Error)?.message ?? String(err)}\n`);
      process.exitCode = 2;
    },
  );
