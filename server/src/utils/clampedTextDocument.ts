import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument, type Position } from 'vscode-languageserver-textdocument';

/**
 * One change of a `didChange` as the document store can apply it without losing track of
 * its lines (#15 item 4). vscode-languageserver-textdocument updates its line table from
 * the range's line numbers and the inserted text alone, so:
 * - a range past the end of the document (or with a character past the end of its line)
 *   puts the new line starts in the wrong rows: the range is clamped to the text, as the
 *   store already clamps the offsets it cuts at;
 * - an edit that joins a `\r` with a `\n` (LSP counts `\r\n` as one line break, a lone
 *   `\r` and a lone `\n` as one each) leaves a line break that no longer exists: such a
 *   change is applied as a replacement of the whole text, which recomputes the table.
 *   Clamped positions never fall between `\r` and `\n`, so a change cannot split one.
 */
export function clampChange(document: TextDocument, change: TextDocumentContentChangeEvent): TextDocumentContentChangeEvent {
  if (!('range' in change) || !change.range) return change;
  let start = document.offsetAt(change.range.start);
  let end = document.offsetAt(change.range.end);
  if (start > end) [start, end] = [end, start];
  const text = document.getText();
  const inserted = change.text;
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  const first = inserted.length ? inserted.charCodeAt(0) : after;
  const last = inserted.length ? inserted.charCodeAt(inserted.length - 1) : before;
  const joins = (before === CR && first === LF) || (last === CR && after === LF);
  if (joins) return { text: text.slice(0, start) + inserted + text.slice(end) };
  return { range: { start: document.positionAt(start), end: document.positionAt(end) }, text: inserted };
}

const CR = 13;
const LF = 10;

/**
 * The document store's configuration for `new TextDocuments(...)`: vscode-languageserver-textdocument's
 * own documents, with every client range clamped first (clampChange). Changes of one
 * notification apply in order, each against the text the ones before it left.
 */
export const ClampedTextDocument: TextDocumentsConfiguration<TextDocument> = {
  create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
  update: (document, changes, version) => {
    for (const change of changes) TextDocument.update(document, [clampChange(document, change)], version);
    return TextDocument.update(document, [], version);
  },
};

/**
 * A request's position as a position of the document: LSP lets a client send a character
 * past the line's end (it means the end) or a line past the last; modes are handed only
 * positions inside the text (#15).
 */
export function clampPosition(document: TextDocument, position: Position): Position {
  return document.positionAt(document.offsetAt(position));
}
