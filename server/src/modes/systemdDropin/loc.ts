import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

/**
 * Where things are in a drop-in model: a "loc" is a line and a character packed into
 * one number, `line * LINE_STRIDE + character`, not a document offset.
 *
 * Why (#8): typing a character shifts the document offset of everything after it, so
 * an offset-based model must be rebuilt in full on every keystroke. Locs of the other
 * lines do not move, so parseDropin.ts reuses their parse unchanged and validateDropin.ts
 * their diagnostics. Within a line locs count up like offsets (character i + 1 is at
 * loc + 1), so spans, `OffsetMap` runs and `end = last + 1` work on them unchanged;
 * they also order like positions.
 *
 * The stride is 2^20 characters: systemd stops reading a file at a line longer than
 * 1 MiB (systemd.syntax(7)), and so does parseDropin, which reports the line: no
 * character spills into the next line. With this stride the locs of the first 1,024
 * lines are V8 small integers; a stride of 2^29 made every loc past line 1 a heap
 * number, a quarter of what a parse allocated (#8). A document holds fewer than 2^29
 * characters, so locs stay below 2^49 and exact.
 */
export const LINE_STRIDE = 2 ** 20;

export function loc(line: number, character: number): number {
  return line * LINE_STRIDE + character;
}

export function locLine(l: number): number {
  return Math.floor(l / LINE_STRIDE);
}

export function locToPosition(l: number): Position {
  const line = Math.floor(l / LINE_STRIDE);
  return { line, character: l - line * LINE_STRIDE };
}

export function positionToLoc(p: Position): number {
  return loc(p.line, p.character);
}

/** The range of a span of locs. */
export function locRange(span: { start: number; end: number }): Range {
  return { start: locToPosition(span.start), end: locToPosition(span.end) };
}

/** The loc of a document offset (the document's own line table does the work). */
export function offsetToLoc(document: TextDocument, offset: number): number {
  return positionToLoc(document.positionAt(offset));
}

/** The character at a loc, '' past the end of the document; a line end reads as its line break. */
export function charAtLoc(document: TextDocument, l: number): string {
  return document.getText().charAt(document.offsetAt(locToPosition(l)));
}

/** The document text between two locs. */
export function textBetween(document: TextDocument, span: { start: number; end: number }): string {
  return document.getText(locRange(span));
}
