import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileKind } from '../../server/src/shared/fileKinds';
import { answerInWorker } from '../util/answerInWorker';
import { prng } from '../util/prng';
import { exercise, shrink, type Failure } from './fuzzModes';

const WORKER = path.join(__dirname, 'fuzzWorker.js');

export interface FuzzResult {
  docs: number;
  failure?: Failure & { hang: boolean; seed: number; reproducer: string };
}

/**
 * Runs `docs` generated documents from `seed` in a worker; a document that takes longer
 * than `hangMs` counts as a hang (the whole server would stop answering on it). The first
 * failure is shrunk to a small reproducer.
 */
export async function runFuzz(seed: number, docs: number, hangMs = 10_000): Promise<FuzzResult> {
  let last: { i: number; kind: FileKind; text: string } | undefined;
  let seen = 0;
  const outcome = await new Promise<{ failure?: Failure; hang?: boolean }>((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { mode: 'fuzz', seed, docs } });
    let timer = setTimeout(onHang, hangMs);
    function onHang(): void {
      void worker.terminate();
      resolve({ hang: true, failure: last && { kind: last.kind, text: last.text, what: `document ${last.i} of seed ${seed} did not finish in ${hangMs} ms` } });
    }
    worker.on('message', (m: { type: string; i: number; kind: FileKind; text: string; failure?: Failure }) => {
      clearTimeout(timer);
      if (m.type === 'doc') {
        last = { i: m.i, kind: m.kind, text: m.text };
        seen = m.i + 1;
        timer = setTimeout(onHang, hangMs);
      } else {
        void worker.terminate();
        resolve({ failure: m.failure });
      }
    });
    worker.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
  if (!outcome.failure) return { docs: seen };
  const f = outcome.failure;
  const docSeed = seed * 1_000_003 + (last?.i ?? 0);
  const reproducer = outcome.hang ? await shrinkHang(f.kind, f.text, docSeed) : await shrinkFailure(f, docSeed);
  return { docs: seen, failure: { ...f, hang: !!outcome.hang, seed, reproducer } };
}

function firstWords(message: string): string {
  return message.replace(/^document \d+ of seed \d+: /, '').split(/[\s:]/).slice(0, 3).join(' ');
}

/** Shrinks a failure to a text that still fails with the same first words. */
function shrinkFailure(f: Failure, docSeed: number): Promise<string> {
  const want = firstWords(f.what);
  return shrink(f.text, (t) => {
    try {
      exercise(f.kind, t, prng(docSeed));
      return false;
    } catch (err) {
      return firstWords(err instanceof Error ? err.message : String(err)) === want;
    }
  });
}

/** Shrinks a hang with a worker per candidate (a hung candidate is ended after 1 s); at most 80 tries. */
function shrinkHang(kind: FileKind, text: string, docSeed: number): Promise<string> {
  const hangs = async (t: string): Promise<boolean> => {
    try {
      return 'hang' in (await answerInWorker(WORKER, { mode: 'one', kind, text: t, seed: docSeed }, 1000));
    } catch {
      return false;
    }
  };
  return shrink(text, hangs, 80);
}

/** One line per failure for a person: what failed, the seed, and the reproducer as a JS string. */
export function describeFailure(r: FuzzResult): string {
  const f = r.failure;
  if (!f) return `no failure in ${r.docs} documents`;
  return `${f.hang ? 'HANG' : 'FAIL'} (${f.kind}): ${f.what}\n  seed: ${f.seed}\n  reproducer (${f.kind}): ${JSON.stringify(f.reproducer)}`;
}
