// Imported, not read with readDataFile: the client uses the release list too (its newest
// API version), and importing keeps the data loader, which reads files next to the
// bundle, out of dist/client.js (#14). The file is 2 KB, so inlining it costs nothing.
import releases from '../../../schemas/engine-releases.json';

/** An Engine feature release, compared by major then minor ("20.10" < "23.0" < "29.7"). */
export interface EngineVersion {
  major: number;
  minor: number;
}

/**
 * "MAJOR.MINOR", optionally after a "v"; `tail` also accepts a patch or pre-release
 * suffix. The one version parser of both sides (#14): Engine releases here, API versions
 * ("1.41") in the client's negotiation.
 */
function parseMajorMinor(text: string | undefined | null, tail: boolean): EngineVersion | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^\s*v?(\d{1,4})\.(\d{1,4})([.\-+~].*)?\s*$/.exec(text);
  if (!m || (m[3] !== undefined && !tail)) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]) };
}

/** Parses "29.7", "20.10.24", "v23.0.1", "29.7.2-rc.1"; undefined for anything else. */
export function parseEngineVersion(text: string | undefined | null): EngineVersion | undefined {
  return parseMajorMinor(text, true);
}

/** Parses an Engine API version, exactly "MAJOR.MINOR" ("1.41", "v1.41"); undefined for anything else. */
export function parseApiVersion(text: string | undefined | null): EngineVersion | undefined {
  return parseMajorMinor(text, false);
}

export function compareEngineVersions(a: EngineVersion, b: EngineVersion): number {
  return a.major - b.major || a.minor - b.minor;
}

// `since` strings come from the schemas, a small fixed set: parse each once (rules ask on every validation).
const sinceCache = new Map<string, EngineVersion>();

/** True when `v` is `since` or newer. `since` is a "MAJOR.MINOR" string from the schemas. */
export function atLeast(v: EngineVersion, since: string): boolean {
  let s = sinceCache.get(since);
  if (!s) {
    s = parseEngineVersion(since);
    if (!s) throw new Error(`bad version in data: ${since}`);
    sinceCache.set(since, s);
  }
  return compareEngineVersions(v, s) >= 0;
}

export function formatEngineVersion(v: EngineVersion): string {
  return `${v.major}.${v.minor}`;
}

export const KNOWN_RELEASES: readonly { version: string; api: string }[] = releases.releases;

/** The newest release the extension's data knows about. */
export const NEWEST_KNOWN: EngineVersion = parseEngineVersion(KNOWN_RELEASES[KNOWN_RELEASES.length - 1].version)!;

/** Why a version is in force: the setting names it, the connected Engine runs it, or neither (the newest release we know). */
export type EngineVersionSource = 'setting' | 'engine' | 'newest';

export interface EngineVersionInForce {
  version: EngineVersion;
  source: EngineVersionSource;
  /** The setting's text when it is neither "auto" nor "MAJOR.MINOR" (and so was passed over). */
  ignoredSetting?: string;
}

/**
 * The version every version-dependent verdict follows, and why: the `engineVersion`
 * setting when it is "MAJOR.MINOR", else the connected Engine's, else the newest release
 * we know. The server judges by it and the client's status item shows it (#20), so both
 * say the same.
 */
export function engineVersionInForce(setting: string | undefined, connected: string | undefined): EngineVersionInForce {
  let ignoredSetting: string | undefined;
  if (setting && setting !== 'auto') {
    const v = parseEngineVersion(setting);
    if (v) return { version: v, source: 'setting' };
    ignoredSetting = setting;
  }
  const engine = parseEngineVersion(connected);
  const found: EngineVersionInForce = engine ? { version: engine, source: 'engine' } : { version: NEWEST_KNOWN, source: 'newest' };
  return ignoredSetting === undefined ? found : { ...found, ignoredSetting };
}

/** The version of `engineVersionInForce`, alone. */
export function resolveEngineVersion(setting: string | undefined, connected: string | undefined): EngineVersion {
  return engineVersionInForce(setting, connected).version;
}
