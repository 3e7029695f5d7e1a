import { describeFailure, runFuzz } from './fuzzRunner';

/**
 * `npm run fuzz -- --seed N --docs K [--hang-ms M]`: a long fuzzing run of the modes
 * (#15). Prints the seed of a failure and a shrunk reproducer; exits 1 on a failure.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const num = (name: string, fallback: number): number => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const v = Number(args[i + 1]);
    if (!Number.isInteger(v) || v < 0) throw new Error(`${name} takes a whole number`);
    return v;
  };
  const seed = num('--seed', Date.now() % 1_000_000);
  const docs = num('--docs', 20_000);
  const hangMs = num('--hang-ms', 10_000);
  const started = Date.now();
  process.stdout.write(`fuzzing ${docs} documents from seed ${seed}\n`);
  const result = await runFuzz(seed, docs, hangMs);
  process.stdout.write(`${describeFailure(result)}\n${result.docs} documents in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  process.exitCode = result.failure ? 1 : 0;
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 2;
});
