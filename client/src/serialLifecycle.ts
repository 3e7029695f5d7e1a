/** What the lifecycle needs of a language client (vscode-languageclient's `LanguageClient` has both). */
export interface Startable {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts and restarts of the language client, one after the other. A restart that came
 * while the first start was still under way (workspace trust granted right after
 * activation, on a first start that compiles the server without a code cache) stopped a
 * client that went on starting, or two restarts each started a client: two servers then
 * published every diagnostic twice (seen in CI's end-to-end run, #22/#17 stop).
 */
export class SerialLifecycle<C extends Startable> {
  private current: C | undefined;
  private chain: Promise<void> = Promise.resolve();

  /** `create` makes a client (not started); `failed` hears a start that threw. */
  constructor(
    private readonly create: () => C,
    private readonly failed: (err: unknown) => void,
  ) {}

  /** The client of the last start, or undefined while none runs (between a stop and the next start). */
  get client(): C | undefined {
    return this.current;
  }

  start(): Promise<void> {
    return this.serially(() => this.startNow());
  }

  restart(): Promise<void> {
    return this.serially(async () => {
      await this.stopNow();
      await this.startNow();
    });
  }

  stop(): Promise<void> {
    return this.serially(() => this.stopNow());
  }

  private serially(job: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(job, job);
    return this.chain;
  }

  private async startNow(): Promise<void> {
    const c = this.create();
    this.current = c;
    try {
      await c.start();
    } catch (err) {
      this.failed(err);
    }
  }

  private async stopNow(): Promise<void> {
    const old = this.current;
    this.current = undefined;
    // A client that failed to start, or a server that will not stop, must not block the next start.
    if (old) await old.stop().catch(() => undefined);
  }
}
