/**
 * Handlers that log errors instead of dying, after VS Code's json-language-features
 * `utils/runner.ts`: an exception in a mode is logged with its stack and the request
 * is answered with an empty result, so one bad document never takes the server down.
 */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
}

export interface Cancellable {
  isCancellationRequested: boolean;
}

export function formatError(message: string, err: unknown): string {
  if (err instanceof Error) return `${message}: ${err.message}\n${err.stack ?? ''}`;
  if (typeof err === 'string') return `${message}: ${err}`;
  return message;
}

export function runSafe<T>(logger: Logger, what: string, emptyResult: T, token: Cancellable | undefined, fn: () => T): T {
  if (token?.isCancellationRequested) return emptyResult;
  try {
    const result = fn();
    return token?.isCancellationRequested ? emptyResult : result;
  } catch (err) {
    logger.error(formatError(`Error while ${what}`, err));
    return emptyResult;
  }
}

export async function runSafeAsync<T>(
  logger: Logger,
  what: string,
  emptyResult: T,
  token: Cancellable | undefined,
  fn: () => Promise<T>,
): Promise<T> {
  if (token?.isCancellationRequested) return emptyResult;
  try {
    const result = await fn();
    return token?.isCancellationRequested ? emptyResult : result;
  } catch (err) {
    logger.error(formatError(`Error while ${what}`, err));
    return emptyResult;
  }
}
