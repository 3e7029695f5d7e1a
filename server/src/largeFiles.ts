import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageMode, ModeContext, Problem } from './modes/languageMode';
import type { Settings } from './shared/settings';

const MB = 1024 * 1024;

/**
 * Whether `document` is above `dockerNetworking.maxFileSizeMB` (#15). Measured in UTF-16
 * code units of the text, which is what the server holds and parses (for the ASCII of
 * real files, bytes): no pass over a 10 MB text to count bytes on every request.
 */
export function isOverSizeLimit(document: TextDocument, settings: Settings): boolean {
  return document.getText().length > settings.maxFileSizeMB * MB;
}

/**
 * The problems of a file above the size limit: the mode's cheap checks, if it has any
 * (LanguageMode.validateLarge), after one information problem at the top that says so and
 * names the setting, after VS Code's own notice on large files. Such a file is never
 * parsed in full and gets no completion, hover or outline: the Compose parse alone takes
 * seconds on a 10 MB file, and every request must answer within one.
 */
export function largeFileProblems(document: TextDocument, mode: LanguageMode, ctx: ModeContext): Problem[] {
  const size = (document.getText().length / MB).toFixed(1);
  const checks = mode.validateLarge ? `checks only its syntax` : `does not check it`;
  const notice: Problem = {
    range: [0, 0],
    severity: 'information',
    code: 'file-too-large',
    message: `This file is ${size} MB, more than dockerNetworking.maxFileSizeMB (${ctx.settings.maxFileSizeMB} MB): Docker Networking ${checks}, and offers no completion, hover or outline in it. Raise the setting to check it fully.`,
  };
  return [notice, ...(mode.validateLarge?.(document, ctx) ?? [])];
}
