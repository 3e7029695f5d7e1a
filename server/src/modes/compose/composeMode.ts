import type { LanguageMode } from '../languageMode';
import { resolveFix } from './codeActions';
import { complete } from './complete';
import { declaredSubnets } from './declaredSubnets';
import { hover } from './hover';
import type { ComposeFix, ComposeModel } from './model';
import { doRename, findDefinition, findDocumentHighlights, findReferences, prepareRename } from './navigation';
import { parse } from './parse';
import { relatedFiles } from './project/projectOf';
import { findDocumentSymbols } from './symbols';
import { validate } from './validate';

/**
 * The Compose mode: completion, hover, diagnostics, navigation, document symbols and
 * quick fixes for the network parts of Compose files, silent on everything else. The
 * façade of the one shape (#14): each feature is one file of this folder.
 */
export const composeMode: LanguageMode<ComposeModel, ComposeFix> = {
  kind: 'compose',
  parse,
  validate,
  resolveFix,
  complete,
  hover,
  findDefinition,
  findReferences,
  findDocumentHighlights,
  findDocumentSymbols,
  prepareRename,
  doRename,
  relatedFiles,
  declaredSubnets,
  triggerCharacters: [':'],
};
