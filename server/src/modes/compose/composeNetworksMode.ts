import type { LegacyLanguageMode } from '../legacyMode';
import { getCodeActions } from './codeActions';
import { doComplete } from './complete';
import { parseCompose, type ComposeModel } from './composeModel';
import { doHover } from './hover';
import { doRename, findDefinition, findDocumentHighlights, findDocumentSymbols, findReferences, prepareRename } from './navigation';
import { validateCompose } from './validate';

/**
 * The Compose networks mode: completion, hover, diagnostics, navigation and quick
 * fixes for the network parts of Compose files, silent on everything else.
 */
export const composeNetworksMode: LegacyLanguageMode<ComposeModel> = {
  kind: 'compose',
  warmUpSample:
    'services:\n  web:\n    image: x\n    networks:\n      front:\n        ipv4_address: 198.18.0.10\n  db:\n    network_mode: service:web\nnetworks:\n  front:\n    ipam:\n      config:\n        - subnet: 198.18.0.0/24\n          gateway: 198.18.0.1\n',
  parse: parseCompose,
  doValidation: validateCompose,
  doComplete,
  doHover,
  getCodeActions,
  findDefinition,
  findReferences,
  findDocumentHighlights,
  findDocumentSymbols,
  prepareRename,
  doRename,
  triggerCharacters: [':'],
};
