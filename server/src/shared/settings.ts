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
  /** Files larger than this many KB (of text) get only cheap checks (server/src/largeFiles.ts). */
  maxFileSizeKB: number;
  daemonJson: { enable: boolean; platform: 'linux' | 'windows' };
  compose: {
    enable: boolean;
    validate: boolean;
    completion: boolean;
    hover: boolean;
    navigation: boolean;
    codeActions: boolean;
    unusedNetworks: boolean;
    /**
     * Projects only ever run with `-f` (#16): their files in load order, an env file and a
     * project name (`-p`), paths relative to the workspace folder.
     */
    projects: ComposeProjectSetting[];
  };
  systemdDropin: { enable: boolean };
  /**
   * The Docker host (#17): the daemon.json and drop-ins that belong together, named by
   * path (relative to the first workspace folder, or absolute) when they do not sit in
   * an /etc-like tree. (`dockerNetworking.host` is already the Engine address setting,
   * a string, so this cannot be `host.files`.)
   */
  hostFiles: string[];
  /** Read the machine's own /etc/docker/daemon.json and docker.service.d drop-ins (read only; trusted workspaces only, #17). */
  readMachineHostFiles: boolean;
  /**
   * The daemon.json and drop-ins of the local Engine the client connects to, by absolute
   * path, when they are not this machine's /etc files (a dockerd started with
   * `--config-file`): machine-scoped, read only, trusted workspaces only (#17). They are
   * this machine's files: restart pending compares this daemon.json with the running
   * Engine, and the drop-ins' programs are looked up on this machine's disk.
   */
  localEngineFiles: string[];
}

/**
 * The section of these settings (`dockerNetworking.*`). Here, not in protocol.ts, which
 * re-exports it: the CLI reads it and must not load the LSP protocol library with it (#21).
 */
export const SETTINGS_SECTION = 'dockerNetworking';

/** The values `maxFileSizeKB` may take (package.json says the same). */
export const MAX_FILE_SIZE_KB_RANGE = [16, 102_400] as const;

/** One entry of `dockerNetworking.compose.projects`. */
export interface ComposeProjectSetting {
  files: string[];
  envFile?: string;
  projectName?: string;
}

export const DEFAULT_SETTINGS: Settings = {
  engineVersion: 'auto',
  files: { daemonJson: [], compose: [], systemdDropin: [] },
  validationDelay: 250,
  maxFileSizeKB: 256,
  daemonJson: { enable: true, platform: 'linux' },
  compose: {
    enable: true,
    validate: true,
    completion: true,
    hover: true,
    navigation: true,
    codeActions: true,
    unusedNetworks: true,
    projects: [],
  },
  systemdDropin: { enable: true },
  hostFiles: [],
  readMachineHostFiles: true,
  localEngineFiles: [],
};

function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
/** The usable entries of `compose.projects`: a non-empty list of file paths, optional strings. */
function projects(v: unknown): ComposeProjectSetting[] {
  if (!Array.isArray(v)) return [];
  const out: ComposeProjectSetting[] = [];
  for (const raw of v) {
    const p = obj(raw);
    const files = usablePatterns(p.files);
    if (files.length === 0) continue;
    out.push({
      files,
      ...(typeof p.envFile === 'string' && p.envFile.trim() !== '' ? { envFile: p.envFile } : {}),
      ...(typeof p.projectName === 'string' && p.projectName.trim() !== '' ? { projectName: p.projectName } : {}),
    });
  }
  return out;
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
    maxFileSizeKB: typeof r.maxFileSizeKB === 'number' && Number.isFinite(r.maxFileSizeKB) ? Math.min(MAX_FILE_SIZE_KB_RANGE[1], Math.max(MAX_FILE_SIZE_KB_RANGE[0], r.maxFileSizeKB)) : d.maxFileSizeKB,
    daemonJson: { enable: bool(dj.enable, d.daemonJson.enable), platform: dj.platform === 'windows' ? 'windows' : 'linux' },
    compose: {
      enable: bool(c.enable, d.compose.enable),
      validate: bool(c.validate, d.compose.validate),
      completion: bool(c.completion, d.compose.completion),
      hover: bool(c.hover, d.compose.hover),
      navigation: bool(c.navigation, d.compose.navigation),
      codeActions: bool(c.codeActions, d.compose.codeActions),
      unusedNetworks: bool(c.unusedNetworks, d.compose.unusedNetworks),
      projects: projects(c.projects),
    },
    systemdDropin: { enable: bool(sd.enable, d.systemdDropin.enable) },
    hostFiles: usablePatterns(r.hostFiles),
    readMachineHostFiles: bool(r.readMachineHostFiles, d.readMachineHostFiles),
    // Absolute paths only: there is no folder a machine setting could be relative to.
    localEngineFiles: usablePatterns(r.localEngineFiles).filter((p) => p.startsWith('/')),
  };
}

/** A feature of a mode that a setting can turn off (`dockerNetworking.compose.validate`, …); every one is on unless its setting says `false`. */
export type ModeFeature = 'validate' | 'completion' | 'hover' | 'navigation' | 'codeActions';

/** Whether `feature` of `kind`'s mode is on: the one reading of both hosts, the server and the CLI (#21). */
export function featureEnabled(settings: Settings, kind: FileKind, feature: ModeFeature): boolean {
  return (settings[kind] as unknown as Record<string, unknown>)[feature] !== false;
}
