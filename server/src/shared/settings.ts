import { usablePatterns, type FileKind } from './fileKinds';

/**
 * The server's view of the `dockerNetworking.*` settings. Every field has a default,
 * and `normalizeSettings` accepts anything a client may send (null, wrong types, a
 * client that never answers) and returns a complete object.
 */
export interface Settings {
  /** "auto" or "MAJOR.MINOR". */
  engineVersion: string;
  /** Extra glob patterns per file kind, added to the built-in ones. */
  files: Record<FileKind, string[]>;
  /** Milliseconds between the last change and fresh diagnostics. */
  validationDelay: number;
  /** Files larger than this many MB (of text) get only cheap checks (server/src/largeFiles.ts). */
  maxFileSizeMB: number;
  daemonJson: { enable: boolean; platform: 'linux' | 'windows' };
  compose: {
    enable: boolean;
    validate: boolean;
    completion: boolean;
    hover: boolean;
    navigation: boolean;
    codeActions: boolean;
    unusedNetworks: boolean;
  };
  systemdDropin: { enable: boolean };
}

/** The values `maxFileSizeMB` may take (package.json says the same). */
export const MAX_FILE_SIZE_MB_RANGE = [0.1, 100] as const;

export const DEFAULT_SETTINGS: Settings = {
  engineVersion: 'auto',
  files: { daemonJson: [], compose: [], systemdDropin: [] },
  validationDelay: 250,
  maxFileSizeMB: 1,
  daemonJson: { enable: true, platform: 'linux' },
  compose: {
    enable: true,
    validate: true,
    completion: true,
    hover: true,
    navigation: true,
    codeActions: true,
    unusedNetworks: true,
  },
  systemdDropin: { enable: true },
};

function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
function bool(v: unknown, d: boolean): boolean {
  return typeof v === 'boolean' ? v : d;
}

export function normalizeSettings(raw: unknown): Settings {
  const r = obj(raw);
  const files = obj(r.files);
  const dj = obj(r.daemonJson);
  const c = obj(r.compose);
  const sd = obj(r.systemdDropin);
  const d = DEFAULT_SETTINGS;
  const delay = typeof r.validationDelay === 'number' && Number.isFinite(r.validationDelay) ? r.validationDelay : d.validationDelay;
  return {
    engineVersion: typeof r.engineVersion === 'string' && r.engineVersion.trim() !== '' ? r.engineVersion.trim() : d.engineVersion,
    files: { daemonJson: usablePatterns(files.daemonJson), compose: usablePatterns(files.compose), systemdDropin: usablePatterns(files.systemdDropin) },
    validationDelay: Math.min(5000, Math.max(0, delay)),
    maxFileSizeMB: typeof r.maxFileSizeMB === 'number' && Number.isFinite(r.maxFileSizeMB) ? Math.min(MAX_FILE_SIZE_MB_RANGE[1], Math.max(MAX_FILE_SIZE_MB_RANGE[0], r.maxFileSizeMB)) : d.maxFileSizeMB,
    daemonJson: { enable: bool(dj.enable, d.daemonJson.enable), platform: dj.platform === 'windows' ? 'windows' : 'linux' },
    compose: {
      enable: bool(c.enable, d.compose.enable),
      validate: bool(c.validate, d.compose.validate),
      completion: bool(c.completion, d.compose.completion),
      hover: bool(c.hover, d.compose.hover),
      navigation: bool(c.navigation, d.compose.navigation),
      codeActions: bool(c.codeActions, d.compose.codeActions),
      unusedNetworks: bool(c.unusedNetworks, d.compose.unusedNetworks),
    },
    systemdDropin: { enable: bool(sd.enable, d.systemdDropin.enable) },
  };
}

/** A feature of a mode that a setting can turn off (`dockerNetworking.compose.validate`, …); every one is on unless its setting says `false`. */
export type ModeFeature = 'validate' | 'completion' | 'hover' | 'navigation' | 'codeActions';

/** Whether `feature` of `kind`'s mode is on: the one reading of both hosts, the server and the CLI (#21). */
export function featureEnabled(settings: Settings, kind: FileKind, feature: ModeFeature): boolean {
  return (settings[kind] as unknown as Record<string, unknown>)[feature] !== false;
}
