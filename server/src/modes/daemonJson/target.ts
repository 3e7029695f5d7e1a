import type { ModeContext } from '../languageMode';
import { type EngineVersion, formatEngineVersion } from '../../shared/engineVersion';

/** The dockerd a verdict is for: the target Engine version and the platform (dockerNetworking.daemonJson.platform). */
export interface Target {
  version: EngineVersion;
  /** "20.10": what messages call the target. */
  versionText: string;
  platform: 'linux' | 'windows';
}

export function target(ctx: ModeContext): Target {
  return { version: ctx.engineVersion, versionText: formatEngineVersion(ctx.engineVersion), platform: ctx.settings.daemonJson.platform };
}
