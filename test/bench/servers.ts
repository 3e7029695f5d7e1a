import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CODE_CACHE_DIR_ENV, SERVER_EXEC_ARGV, SERVER_PROCESS_ENV } from '../../server/src/shared/protocol';
import { DEFAULT_SETTINGS } from '../../server/src/shared/settings';
import { REPO_ROOT, SERVER_JS, type LspClientOptions } from '../util/lspClient';
import type { InputKind } from './inputs';

/**
 * The servers the benchmark drives over stdio, all spawned as `node <script> --stdio`
 * so that /proc/<pid> is the server's own node process.
 */
export type ServerId = 'ours' | 'yaml-language-server' | 'json-language-server' | 'parse-only';

export interface ServerSpec {
  id: ServerId;
  /** Name and version for the table. */
  label: string;
  script: string;
  /** Added to the server's environment. */
  env?: Record<string, string>;
  /** Node options before the script (ours: those the client starts it with). */
  execArgv?: readonly string[];
  kinds: readonly InputKind[];
  /**
   * A fixed delay the server waits after open/change before validating, which the
   * client cannot turn off (yaml-language-server 200 ms, the JSON server 500 ms in push
   * mode). Ours is set to 0 for the measurement; its configured default is reported apart.
   */
  debounceMs: number;
  /** Whether publishDiagnostics carries the document version. */
  versionedDiagnostics: boolean;
  /** LspClient options; `onConfigured` is called once the server has read its settings. */
  clientOptions(onConfigured: () => void): LspClientOptions;
  /** Settings pushed with workspace/didChangeConfiguration right after `initialized`. */
  pushSettings?: unknown;
}

function packageVersion(dir: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

const YAML_LS_DIR = path.join(REPO_ROOT, 'node_modules', 'yaml-language-server');
const EXTRACTED_DIR = path.join(REPO_ROOT, 'node_modules', 'vscode-langservers-extracted');

/** The `validationDelay` our server uses when nobody sets it (package.json default, same as DEFAULT_SETTINGS). */
export const OUR_DEFAULT_DEBOUNCE_MS = DEFAULT_SETTINGS.validationDelay;

/**
 * Our server, started as the extension starts it: with `codeCacheDir` as the directory
 * of its V8 code cache (the extension gives it one in its global storage).
 */
export function ourServer(codeCacheDir?: string): ServerSpec {
  return {
    id: 'ours',
    label: `docker-networking ${packageVersion(REPO_ROOT)}`,
    // BENCH_SERVER_JS: measure another build of the server (e.g. a profiling build).
    script: process.env.BENCH_SERVER_JS ?? SERVER_JS,
    env: { ...SERVER_PROCESS_ENV, ...(codeCacheDir ? { [CODE_CACHE_DIR_ENV]: codeCacheDir } : {}) },
    execArgv: SERVER_EXEC_ARGV,
    kinds: ['compose', 'daemonJson', 'systemdDropin'],
    debounceMs: 0,
    versionedDiagnostics: true,
    clientOptions: (onConfigured) => ({
      settings: { validationDelay: 0 },
      requestHandlers: {
        'workspace/configuration': (p) => {
          onConfigured();
          return (p as { items: unknown[] }).items.map(() => ({ validationDelay: 0 }));
        },
      },
    }),
  };
}

export function parseOnlyServer(script: string): ServerSpec {
  return {
    id: 'parse-only',
    label: 'parse-only server (yaml / jsonc-parser)',
    script,
    // The allocator settings and Node options our server gets from the client, so that the memory ratio
    // compares the servers, not the settings.
    env: { ...SERVER_PROCESS_ENV },
    execArgv: SERVER_EXEC_ARGV,
    kinds: ['compose', 'daemonJson', 'systemdDropin'],
    debounceMs: 0,
    versionedDiagnostics: true,
    clientOptions: (onConfigured) => {
      // It reads no settings; it is ready as soon as it is initialized.
      setImmediate(onConfigured);
      return { settings: null };
    },
  };
}

/** yaml-language-server with the Compose schema from a local file (no schema store: no internet here). */
export function yamlLanguageServer(composeSchemaFile: string): ServerSpec {
  const yamlSettings = {
    schemas: { [pathToFileURL(composeSchemaFile).href]: ['**/compose.yaml', '**/compose.yml', '**/docker-compose.yaml', '**/docker-compose.yml'] },
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
  };
  return {
    id: 'yaml-language-server',
    label: `yaml-language-server ${packageVersion(YAML_LS_DIR)}`,
    script: path.join(YAML_LS_DIR, 'bin', 'yaml-language-server'),
    kinds: ['compose'],
    debounceMs: 200,
    versionedDiagnostics: false,
    clientOptions: (onConfigured) => ({
      requestHandlers: {
        // It asks for several sections at once (yaml, http, [yaml], editor) and again
        // per validation for `[yaml]`; answer each section on its own.
        'workspace/configuration': (p) =>
          (p as { items: { section?: string }[] }).items.map((item) => {
            if (item.section === 'yaml') {
              onConfigured();
              return yamlSettings;
            }
            return item.section === 'http' || item.section === 'editor' || item.section === '[yaml]' ? {} : null;
          }),
      },
    }),
  };
}

/** VS Code's JSON language server, given our daemon.json schema when there is one. */
export function jsonLanguageServer(daemonSchemaFile: string | undefined): ServerSpec {
  return {
    id: 'json-language-server',
    label: `vscode-json-language-server (vscode-langservers-extracted ${packageVersion(EXTRACTED_DIR)})`,
    script: path.join(EXTRACTED_DIR, 'bin', 'vscode-json-language-server'),
    kinds: ['daemonJson'],
    debounceMs: 500,
    versionedDiagnostics: false,
    clientOptions: (onConfigured) => {
      // It reads settings only from the didChangeConfiguration push sent after `initialized`.
      setImmediate(onConfigured);
      return {};
    },
    pushSettings: {
      json: {
        validate: { enable: true },
        schemas: daemonSchemaFile ? [{ fileMatch: ['**/daemon.json'], url: pathToFileURL(daemonSchemaFile).href }] : [],
      },
      http: { proxy: '', proxyStrictSSL: false },
    },
  };
}
