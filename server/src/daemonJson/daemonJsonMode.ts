import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageMode } from '../languageModes';

/** Placeholder until the daemonJson features land: parses nothing, reports nothing. */
export const daemonJsonMode: LanguageMode<null> = {
  kind: 'daemonJson',
  parse(_document: TextDocument): null {
    return null;
  },
};
