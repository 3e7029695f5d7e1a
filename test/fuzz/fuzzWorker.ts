import { parentPort, workerData } from 'node:worker_threads';
import { prng } from '../util/prng';
import { exercise, fuzz } from './fuzzModes';
import type { FileKind } from '../../server/src/shared/fileKinds';

/**
 * Runs fuzzModes.ts in a worker thread, so that the runner can tell a hang from a slow
 * document and end it (a mode stuck in a loop never returns to an in-process caller).
 * Before each document it posts the document, so the runner knows which one hung.
 */
type Job = { mode: 'fuzz'; seed: number; docs: number } | { mode: 'one'; kind: FileKind; text: string; seed: number };

const job = workerData as Job;
if (job.mode === 'fuzz') {
  const failure = fuzz(job.seed, job.docs, (i, kind, text) => parentPort!.postMessage({ type: 'doc', i, kind, text }));
  parentPort!.postMessage(failure ? { type: 'fail', failure } : { type: 'done' });
} else {
  try {
    exercise(job.kind, job.text, prng(job.seed));
    parentPort!.postMessage({ type: 'done' });
  } catch (err) {
    parentPort!.postMessage({ type: 'fail', failure: { kind: job.kind, text: job.text, what: err instanceof Error ? err.message : String(err) } });
  }
}
