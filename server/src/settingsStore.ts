import type { Connection, InitializeParams } from 'vscode-languageserver';
import { SETTINGS_SECTION } from './shared/protocol';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './shared/settings';
import { formatError, type Logger } from './utils/runner';
import { withTimeout } from './utils/withTimeout';

/** How long to wait for `workspace/configuration` before going on with defaults. */
export const CONFIGURATION_TIMEOUT_MS = 2000;

/**
 * The user's settings as the server knows them: pulled with `workspace/configuration`
 * when the client answers it, else taken from `workspace/didChangeConfiguration` pushes.
 * `ready` settles with the first settings (or the defaults once the client has had its
 * chance), so that a document opened right after `initialized` is not first judged with
 * the defaults and then again with the user's settings.
 */
export class SettingsStore {
  /** The current settings; a new object on every change, so callers may cache by identity. */
  current: Settings = DEFAULT_SETTINGS;
  readonly ready: Promise<void>;
  private markReady: () => void = () => undefined;
  private clientAnswersConfiguration = false;

  constructor(
    private readonly connection: Connection,
    private readonly logger: Logger,
  ) {
    this.ready = new Promise<void>((resolve) => (this.markReady = resolve));
  }

  onInitialize(params: InitializeParams): void {
    this.clientAnswersConfiguration = params.capabilities.workspace?.configuration === true;
    if (!this.clientAnswersConfiguration) this.markReady();
    // A client that never sends `initialized` must not block diagnostics forever.
    setTimeout(this.markReady, 2 * CONFIGURATION_TIMEOUT_MS).unref?.();
  }

  /** On `initialized`: the first pull. */
  onInitialized(): void {
    void this.fetch().catch((err) => {
      this.markReady();
      this.logger.error(formatError('Error while reading settings', err));
    });
  }

  /** On `workspace/didChangeConfiguration`: settles once the new settings are in place. */
  async onDidChangeConfiguration(pushed: unknown): Promise<void> {
    if (this.clientAnswersConfiguration) return this.fetch();
    const fromPush = (pushed as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    this.current = normalizeSettings(fromPush);
  }

  private async fetch(): Promise<void> {
    if (!this.clientAnswersConfiguration) return;
    const raw = await withTimeout(
      this.connection.workspace.getConfiguration(SETTINGS_SECTION).then((v) => v as unknown),
      CONFIGURATION_TIMEOUT_MS,
      undefined,
    );
    if (raw === undefined) this.logger.warn('The client did not answer workspace/configuration in time; using default settings.');
    this.current = normalizeSettings(raw);
    this.markReady();
  }
}
