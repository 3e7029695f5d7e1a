import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';

/**
 * `$0` cursor markers, as in rust-analyzer's fixtures: one marks a position, two mark
 * a range. (`|` would clash with YAML block scalars.) The markers are removed from the
 * text the test sees.
 */
export const MARKER = '$0';

export interface Fixture {
  text: string;
  document: TextDocument;
  /** Offsets of the markers in the cleaned text. */
  offsets: number[];
  /** The first marker as a position (throws when there is none). */
  position: Position;
  /** The first two markers as a range (throws when there are fewer). */
  range: Range;
}

export function fixture(source: string, uri = 'file:///work/daemon.json', languageId = 'json'): Fixture {
  const offsets: number[] = [];
  let text = '';
  let rest = source;
  for (;;) {
    const i = rest.indexOf(MARKER);
    if (i < 0) break;
    text += rest.slice(0, i);
    offsets.push(text.length);
    rest = rest.slice(i + MARKER.length);
  }
  text += rest;
  const document = TextDocument.create(uri, languageId, 1, text);
  return {
    text,
    document,
    offsets,
    get position(): Position {
      if (offsets.length < 1) throw new Error('fixture has no $0 marker');
      return document.positionAt(offsets[0]);
    },
    get range(): Range {
      if (offsets.length < 2) throw new Error('fixture needs two $0 markers for a range');
      return { start: document.positionAt(offsets[0]), end: document.positionAt(offsets[1]) };
    },
  };
}

/** Applies text edits to a document's text (completion and quick-fix tests compare the result). */
export function applyEdits(document: TextDocument, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(document, [...edits]);
}

/**
 * Diagnostics as lines that read like the Problems panel: `LINE: CODE: message`
 * (1-based line numbers), sorted by position.
 */
export function diagnosticLines(
  diagnostics: readonly { range: Range; code?: string | number; message: string }[],
): string[] {
  return [...diagnostics]
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
    .map((d) => `${d.range.start.line + 1}: ${String(d.code ?? '')}: ${d.message}`);
}

/** The sub-folders of a fixture folder, each with the meaningful lines of its `expect` file (no blanks, no `#` comments). */
export function fixtureFolders(root: string): { name: string; dir: string; lines: string[] }[] {
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const dir = path.join(root, d.name);
      const lines = fs
        .readFileSync(path.join(dir, 'expect'), 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'));
      return { name: d.name, dir, lines };
    });
}
