import * as l10n from '@vscode/l10n';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem } from './modes/languageMode';
import type { Settings } from './shared/settings';

const KB = 1024;

/**
 * Whether `document` is above `dockerNetworking.maxFileSizeKB` (#15). Measured in UTF-16
 * code units of the text, which is what the server holds and parses (for the ASCII of
 * real files, bytes): no pass over a 10 MB text to count bytes on every request.
 */
export function isOverSizeLimit(document: TextDocument, settings: Settings): boolean {
  return document.getText().length > settings.maxFileSizeKB * KB;
}

function size(chars: number): string {
  return chars >= 1024 * KB ? `${(chars / (1024 * KB)).toFixed(1)} MB` : `${Math.round(chars / KB)} KB`;
}

/**
 * What a file above the size limit gets: one information problem at the top that says so
 * and names the setting. Nothing else is checked, and no request is answered, because
 * nothing is cheap at that size: the `yaml` package takes seconds on a megabyte of broken
 * YAML, and building the tree of a 10 MB daemon.json of short values took a second, while
 * every request must answer within one.
 */
export function largeFileProblems(document: TextDocument, settings: Settings): Problem[] {
  return [
    {
      range: [0, 0],
      severity: 'information',
      code: 'file-too-large',
      message: l10n.t(
        'This file is {0}, more than dockerNetworking.maxFileSizeKB ({1} KB): Docker Networking does not check it, and offers no completion, hover or outline in it. Raise the setting to check it.',
        size(document.getText().length),
        settings.maxFileSizeKB,
      ),
    },
  ];
}
