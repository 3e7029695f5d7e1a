import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageMode } from '../languageModes';

/** Placeholder until the composeNetworks features land: parses nothing, reports nothing. */
export const composeNetworksMode: LanguageMode<null> = {
  kind: 'compose',
  parse(_document: TextDocument): null {
    return null;
  },
};
