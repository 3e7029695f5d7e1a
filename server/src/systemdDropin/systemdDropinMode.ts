import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageMode } from '../languageModes';

/** Placeholder until the systemdDropin features land: parses nothing, reports nothing. */
export const systemdDropinMode: LanguageMode<null> = {
  kind: 'systemdDropin',
  parse(_document: TextDocument): null {
    return null;
  },
};
