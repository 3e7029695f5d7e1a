import type { LanguageMode } from '../languageModes';
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
export const composeNetworksMode: LanguageMode<ComposeModel> = {
  kind: 'compose',
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
