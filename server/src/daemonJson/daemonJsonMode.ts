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
};
