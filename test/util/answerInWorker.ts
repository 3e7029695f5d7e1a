import { Worker } from 'node:worker_threads';

/**
 * Runs a script in a worker thread and waits for its one answer (its first message), or
 * ends it after `hangMs`. A hang detector, not a speed check: code that loops forever
 * (#15 item 1 froze the whole server) would otherwise freeze the test run with it, since
 * an in-process caller never gets control back.
 *
 * `script` is a file path, or the source itself with `eval: true` (as Worker takes them).
 */
export function answerInWorker<T>(script: string, workerData: unknown, hangMs: number, eval_ = false): Promise<{ answer: T } | { hang: true }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { eval: eval_, workerData });
    const watchdog = setTimeout(() => {
      void worker.terminate();
      resolve({ hang: true });
    }, hangMs);
    worker.once('message', (answer: T) => {
      clearTimeout(watchdog);
      void worker.terminate();
      resolve({ answer });
    });
    worker.once('error', (err) => {
      clearTimeout(watchdog);
      reject(err);
    });
  });
}
