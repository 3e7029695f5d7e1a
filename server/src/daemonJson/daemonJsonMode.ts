import type { LanguageMode } from '../languageModes';
import { daemonJsonCodeActions } from './daemonJsonCodeActions';
import { daemonJsonCompletion } from './daemonJsonCompletion';
import { daemonJsonHover } from './daemonJsonHover';
import { daemonJsonValidation } from './daemonJsonValidation';
import { type DaemonJsonDocument, parseDaemonJson } from './parseDaemonJson';

/**
 * The daemon.json mode: strict-JSON and dockerd-faithful diagnostics, completion and
 * hover from schemas/daemon.schema.json, quick fixes from diagnostic data.
 */
export const daemonJsonMode: LanguageMode<DaemonJsonDocument> = {
  kind: 'daemonJson',
  parse: parseDaemonJson,
  doValidation: daemonJsonValidation,
  doComplete: daemonJsonCompletion,
  doHover: (document, position, parsed) => daemonJsonHover(document, position, parsed),
  getCodeActions: (document, range, diagnostics, parsed) => daemonJsonCodeActions(document, range, diagnostics, parsed),
  triggerCharacters: ['"', ':'],
  warmUpSample: warmUpSample(),
};

/**
 * A correct daemon.json with the keys and the long lists big files have (labels,
 * address pools, runtimes, registries), a few dozen items each: every per-item function
 * of the parser and the rules runs often enough for V8 to give it inline caches, so the
 * first real file is not judged by cold code (#8). Addresses inside 198.18.0.0/15.
 */
function warmUpSample(): string {
  const n = 32;
  const items = (count: number, item: (i: number) => string): string => Array.from({ length: count }, (_, i) => item(i)).join(',\n    ');
  return `{
  "debug": true,
  "bip": "198.18.0.1/24",
  "mtu": 1450,
  "dns": [${items(4, (i) => `"198.18.1.${i + 1}"`)}],
  "log-driver": "json-file",
  "log-opts": { "max-size": "10m", "max-file": "3" },
  "registry-mirrors": ["https://m.example"],
  "proxies": { "http-proxy": "http://p:3128" },
  "default-address-pools": [
    ${items(n / 2, (i) => `{ "base": "198.19.${i}.0/24", "size": 28 }`)}
  ],
  "runtimes": {
    ${items(n / 4, (i) => `"runtime-${i}": { "path": "/usr/local/bin/runtime-${i}", "runtimeArgs": ["--debug"] }`)}
  },
  "insecure-registries": [
    ${items(n / 2, (i) => `"registry-${i}.example:5000"`)}
  ],
  "labels": [
    ${items(n, (i) => `"com.example.label-${i}=value-${i}"`)}
  ]
}
`;
}
