import * as jsonc from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';

const { SyntaxKind } = jsonc;
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * The parse of one daemon.json: a tolerant jsonc-parser tree (so completion and hover
 * work on broken text) plus everything Go's encoding/json would refuse, which the
 * strict-JSON rule reports: comments, trailing commas, syntax errors.
 */
export interface DaemonJsonDocument {
  text: string;
  /** The first top-level value, if any. */
  root: Node | undefined;
  /** `root` when it is an object. */
  object: Node | undefined;
  syntaxErrors: ParseError[];
  comments: { offset: number; length: number }[];
  /** Offsets of commas directly followed by `}` or `]`. */
  trailingCommas: number[];
  /** Offset of the first non-whitespace character after the top-level value, if any. */
  trailingDataOffset: number | undefined;
}

export function parseDaemonJson(document: TextDocument): DaemonJsonDocument {
  const text = document.getText();
  const syntaxErrors: ParseError[] = [];
  const root = jsonc.parseTree(text, syntaxErrors, { disallowComments: false, allowTrailingComma: true, allowEmptyContent: true });
  const comments: { offset: number; length: number }[] = [];
  const trailingCommas: number[] = [];
  const scanner = jsonc.createScanner(text, false);
  let pendingComma: number | undefined;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      comments.push({ offset: scanner.getTokenOffset(), length: scanner.getTokenLength() });
      continue;
    }
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia) continue;
    if ((kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) && pendingComma !== undefined) {
      trailingCommas.push(pendingComma);
    }
    pendingComma = kind === SyntaxKind.CommaToken ? scanner.getTokenOffset() : undefined;
  }
  let trailingDataOffset: number | undefined;
  if (root) {
    const rest = text.slice(root.offset + root.length);
    const m = /\S/.exec(rest);
    if (m) trailingDataOffset = root.offset + root.length + m.index;
  }
  return {
    text,
    root,
    object: root?.type === 'object' ? root : undefined,
    syntaxErrors,
    comments,
    trailingCommas,
    trailingDataOffset,
  };
}

/** A property node's key and value nodes. */
export function propertyParts(prop: Node): { key: Node; value: Node | undefined; name: string } {
  const key = prop.children![0];
  return { key, value: prop.children![1], name: String(key.value) };
}

/** The properties of an object node, in document order. */
export function properties(obj: Node | undefined): { key: Node; value: Node | undefined; name: string; prop: Node }[] {
  if (!obj || obj.type !== 'object' || !obj.children) return [];
  return obj.children.filter((c) => c.type === 'property' && c.children && c.children.length > 0).map((prop) => ({ ...propertyParts(prop), prop }));
}

/** The value of the last property named `name` (Go's decoder keeps the last duplicate). */
export function lastValue(obj: Node | undefined, name: string): Node | undefined {
  let found: Node | undefined;
  for (const p of properties(obj)) if (p.name === name) found = p.value;
  return found;
}
