import type { EngineState, InitializationOptions, LiveNetwork } from './shared/protocol';
import type { Settings } from './shared/settings';
import { parseEngineVersion, resolveEngineVersion } from './shared/engineVersion';
import type { ModeContext } from './modes/languageMode';
import { withTimeout } from './utils/withTimeout';

/** How long Compose validation waits for the client's first Engine state before going on without live networks. */
export const ENGINE_STATE_TIMEOUT_MS = 2000;

/**
 * The connected Engine as the client last pushed it (EngineStateNotification, #14): the
 * server never asks back. A client that says it pushes (`initializationOptions.engineState`)
 * is waited for, briefly, by the checks that read live networks; `firstPush()` is that wait.
 */
export class EngineStateStore {
  private state: EngineState = { info: {} };
  private markPushed: () => void = () => undefined;
  private readonly pushed = new Promise<void>((resolve) => (this.markPushed = resolve));

  /** From `initializationOptions`: the state known at start, or whether a push is to come at all. */
  onInitialize(init: InitializationOptions): void {
    if (init.engine) this.set(init.engine);
    else if (init.engineState !== true) this.markPushed();
  }

  /** A push from the client. Anything may arrive over the wire: what is not of the right shape is left out. */
  set(state: unknown): void {
    const st = state && typeof state === 'object' ? (state as Partial<EngineState>) : {};
    this.state = { info: st.info && typeof st.info === 'object' ? st.info : {}, networks: Array.isArray(st.networks) ? st.networks : undefined };
    this.markPushed();
  }

  /** Settles with the first push, or after ENGINE_STATE_TIMEOUT_MS. */
  firstPush(): Promise<void> {
    return withTimeout(this.pushed, ENGINE_STATE_TIMEOUT_MS, undefined);
  }

  get liveNetworks(): readonly LiveNetwork[] | undefined {
    return this.state.networks;
  }

  /** What ModeContext takes from the Engine: the version verdicts follow and the live networks. */
  contextPart(settings: Settings): Pick<ModeContext, 'engineVersion' | 'engineVersionKnown' | 'liveNetworks'> {
    const setting = settings.engineVersion;
    const explicit = setting !== 'auto' && parseEngineVersion(setting) !== undefined;
    return {
      engineVersion: resolveEngineVersion(setting, this.state.info.version),
      engineVersionKnown: explicit || parseEngineVersion(this.state.info.version) !== undefined,
      liveNetworks: this.state.networks,
    };
  }
}
