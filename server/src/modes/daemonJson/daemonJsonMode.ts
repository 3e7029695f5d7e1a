import type { LegacyLanguageMode } from '../legacyMode';
import { daemonJsonCodeActions } from './daemonJsonCodeActions';
import { daemonJsonCompletion } from './daemonJsonCompletion';
import { daemonJsonHover } from './daemonJsonHover';
import { daemonJsonValidation } from './daemonJsonValidation';
import { type DaemonJsonDocument, parseDaemonJson } from './parseDaemonJson';

/**
 * The daemon.json mode: strict-JSON and dockerd-faithful diagnostics, completion and
 * hover from schemas/daemon.schema.json, quick fixes from diagnostic data.
 */
export const daemonJsonMode: LegacyLanguageMode<DaemonJsonDocument> = {
  kind: 'daemonJson',
  parse: parseDaemonJson,
  doValidation: daemonJsonValidation,
  doComplete: daemonJsonCompletion,
  doHover: (document, position, parsed) => daemonJsonHover(document, position, parsed),
  getCodeActions: (document, range, diagnostics, parsed) => daemonJsonCodeActions(document, range, diagnostics, parsed),
  triggerCharacters: ['"', ':'],
  warmUpSample:
    '{"debug": true, "bip": "198.18.0.1/24", "dns": ["198.18.0.53"], "labels": ["a=b"], "log-driver": "json-file", "log-opts": {"max-size": "10m"}, "default-address-pools": [{"base": "198.19.0.0/16", "size": 24}], "registry-mirrors": ["https://m.example"], "proxies": {"http-proxy": "http://p:3128"}}\n',
};
