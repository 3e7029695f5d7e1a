/**
 * Re-evaluates `probe` every `intervalMs` until it returns a truthy value, and returns
 * it; throws `describe()` once `timeoutMs` has passed. For waiting on something a test
 * cannot be told about (an Engine's task starting, a UI row appearing), never a fixed sleep.
 */
export async function poll<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs: number, describe: () => string | Promise<string>, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s: ${await describe()}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
