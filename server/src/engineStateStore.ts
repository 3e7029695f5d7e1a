import type { EngineState, EngineSwarm, InitializationOptions, LiveNetwork } from './shared/protocol';
import type { Settings } from './shared/settings';
import { parseEngineVersion, resolveEngineVersion } from './shared/engineVersion';
import type { ModeContext, WorkspaceFiles } from './modes/languageMode';
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
  /** The last context built, while the settings, the workspace and the state are the same. */
  private last: { settings: Settings; workspace: WorkspaceFiles; ctx: ModeContext & { workspace: WorkspaceFiles } } | undefined;
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
    this.state = { info: st.info && typeof st.info === 'object' ? st.info : {}, networks: liveNetworksOf(st.networks) };
    this.last = undefined;
    this.markPushed();
  }

  /** Settles with the first push, or after ENGINE_STATE_TIMEOUT_MS. */
  firstPush(): Promise<void> {
    return withTimeout(this.pushed, ENGINE_STATE_TIMEOUT_MS, undefined);
  }

  /** What the client last said about the Engine (version, swarm role, its running configuration). */
  get info(): EngineState['info'] {
    return this.state.info;
  }

  get liveNetworks(): readonly LiveNetwork[] | undefined {
    return this.state.networks;
  }

  /**
   * The ModeContext of a validation: the settings, what the Engine gives, the workspace's
   * files and the environment of the process (Compose interpolation reads the shell's
   * variables, #16: the server has VS Code's, the CLI the shell's). Built here for both
   * hosts of the modes, the server and the CLI (#21), so that what a mode may know is
   * assembled in one place. The same object until one of them changes: the server asks
   * for one on every request.
   */
  context(settings: Settings, workspace: WorkspaceFiles): ModeContext & { workspace: WorkspaceFiles } {
    const last = this.last;
    if (last && last.settings === settings && last.workspace === workspace) return last.ctx;
    const ctx = { settings, ...this.contextPart(settings), workspace, env: process.env };
    this.last = { settings, workspace, ctx };
    return ctx;
  }

  /** What ModeContext takes from the Engine: the version verdicts follow and the live networks. */
  contextPart(settings: Settings): Pick<ModeContext, 'engineVersion' | 'engineVersionKnown' | 'liveNetworks' | 'engineSwarm'> {
    const setting = settings.engineVersion;
    const explicit = setting !== 'auto' && parseEngineVersion(setting) !== undefined;
    return {
      engineVersion: resolveEngineVersion(setting, this.state.info.version),
      engineVersionKnown: explicit || parseEngineVersion(this.state.info.version) !== undefined,
      liveNetworks: this.state.networks,
      engineSwarm: this.state.networks ? swarmOf(this.state.info.swarm) : undefined,
    };
  }
}

/**
 * The live networks of a push, reduced to the entries a mode can read: objects with a
 * string `name`, and of their `subnets` only the objects with a string `subnet`. The list
 * crosses a process boundary and comes from an Engine API answer, so one odd entry must
 * cost that entry, not every Compose validation (#15 item 7: a non-object entry made each
 * one throw). Undefined when the push carries no list (no Engine connected).
 */
export function liveNetworksOf(value: unknown): LiveNetwork[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: LiveNetwork[] = [];
  for (const n of value as unknown[]) {
    if (!isObject(n) || typeof n.name !== 'string') continue;
    const subnets = Array.isArray(n.subnets) ? n.subnets.filter((s): s is LiveNetwork['subnets'][number] => isObject(s) && typeof s.subnet === 'string') : [];
    const containers = Array.isArray(n.containers)
      ? n.containers.filter((c): c is NonNullable<LiveNetwork['containers']>[number] => isObject(c) && typeof c.name === 'string')
      : undefined;
    out.push({ ...(n as unknown as LiveNetwork), driver: typeof n.driver === 'string' ? n.driver : '', subnets, ...(containers ? { containers } : { containers: undefined }) });
  }
  return out;
}

/** The swarm role of a push, when it has the right shape (it crosses a process boundary). */
export function swarmOf(value: unknown): EngineSwarm | undefined {
  if (!isObject(value) || typeof value.nodeState !== 'string' || typeof value.controlAvailable !== 'boolean') return undefined;
  return { nodeState: value.nodeState, controlAvailable: value.controlAvailable };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
