import * as jsonc from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';

const { SyntaxKind } = jsonc;
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleMemoHolder } from './runRules';

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
  /**
   * Where each property of the top-level object starts, as the parser's scanner counted
   * lines: asking the document instead would make it index every line of the text, which
   * a valid file otherwise never needs (runRules.ts).
   */
  propertyStarts: Map<Node, Position>;
  /**
   * The verdicts of the document's latest validation, shared by all its versions (each
   * parse hands it on): validation takes over those whose input is unchanged (runRules.ts).
   */
  ruleMemo: RuleMemoHolder;
}

const PARSE_OPTIONS: jsonc.ParseOptions = { disallowComments: false, allowTrailingComma: true, allowEmptyContent: true };

export function parseDaemonJson(document: TextDocument, previous?: DaemonJsonDocument): DaemonJsonDocument {
  const text = document.getText();
  const syntaxErrors: ParseError[] = [];
  let comments: { offset: number; length: number }[] = [];
  let trailingCommas: number[] = [];
  const propertyStarts = new Map<Node, Position>();
  const root = buildTree(text, syntaxErrors, comments, trailingCommas, propertyStarts);
  if (syntaxErrors.length > 0) {
    // On broken text the parser skips tokens without reporting them, so the token-level
    // facts are taken from a plain scan instead (only then: the scan costs as much as the parse).
    ({ comments, trailingCommas } = scanTrivia(text));
  }
  let trailingDataOffset: number | undefined;
  if (root) {
    // Sticky search from the end of the value: no copy of the rest of the text.
    const nonSpace = /\S/g;
    nonSpace.lastIndex = root.offset + root.length;
    const m = nonSpace.exec(text);
    if (m) trailingDataOffset = m.index;
  }
  return {
    text,
    root,
    object: root?.type === 'object' ? root : undefined,
    syntaxErrors,
    comments,
    trailingCommas,
    trailingDataOffset,
    propertyStarts,
    ruleMemo: previous?.ruleMemo ?? {},
  };
}

/**
 * One pass over the text: the same tree as jsonc-parser's `parseTree` (same node shapes,
 * so findNodeAtOffset / getNodePath work on it), plus the comments and the commas
 * directly followed by `}` or `]`, which parseTree does not report. A second scan of the
 * whole text for those used to cost more than the parse itself.
 */
/** A jsonc-parser Node while it is being built (Node's fields are read-only). */
interface BuildNode {
  type: jsonc.NodeType;
  value?: unknown;
  offset: number;
  length: number;
  colonOffset?: number;
  parent?: BuildNode;
  children?: BuildNode[];
}

function buildTree(
  text: string,
  errors: ParseError[],
  comments: { offset: number; length: number }[],
  trailingCommas: number[],
  propertyStarts: Map<Node, Position>,
): Node | undefined {
  // An artificial array holds the top-level value while the tree is built.
  const top: BuildNode = { type: 'array', offset: -1, length: -1, children: [], parent: undefined };
  let current: BuildNode = top;
  let pendingComma = -1;
  const add = (node: BuildNode): BuildNode => {
    current.children!.push(node);
    return node;
  };
  // A property ends with its value (or, when the value is missing, at the next , or }).
  const closeProperty = (end: number): void => {
    if (current.type === 'property') {
      current.length = end - current.offset;
      current = current.parent!;
    }
  };
  const closeContainer = (offset: number, length: number): void => {
    if (pendingComma >= 0) trailingCommas.push(pendingComma);
    pendingComma = -1;
    current.length = offset + length - current.offset;
    current = current.parent!;
    closeProperty(offset + length);
  };
  jsonc.visit(
    text,
    {
      onObjectBegin: (offset) => {
        pendingComma = -1;
        current = add({ type: 'object', offset, length: -1, parent: current, children: [] });
      },
      onObjectProperty: (name, offset, length, line, character) => {
        pendingComma = -1;
        const inTopObject = current.parent === top;
        current = add({ type: 'property', offset, length: -1, parent: current, children: [] });
        if (inTopObject) propertyStarts.set(current as Node, { line, character });
        current.children!.push({ type: 'string', value: name, offset, length, parent: current });
      },
      onObjectEnd: (offset, length) => {
        closeProperty(offset + length); // a property whose value is missing
        closeContainer(offset, length);
      },
      onArrayBegin: (offset) => {
        pendingComma = -1;
        current = add({ type: 'array', offset, length: -1, parent: current, children: [] });
      },
      onArrayEnd: closeContainer,
      onLiteralValue: (value, offset, length) => {
        pendingComma = -1;
        add({ type: literalType(value), offset, length, parent: current, value });
        closeProperty(offset + length);
      },
      onSeparator: (sep, offset) => {
        pendingComma = sep === ',' ? offset : -1;
        if (current.type !== 'property') return;
        if (sep === ':') current.colonOffset = offset;
        else if (sep === ',') closeProperty(offset);
      },
      onComment: (offset, length) => {
        comments.push({ offset, length });
      },
      onError: (error, offset, length) => {
        pendingComma = -1;
        errors.push({ error, offset, length });
      },
    },
    PARSE_OPTIONS,
  );
  const result = top.children![0];
  if (result) delete result.parent;
  return result as Node | undefined;
}

function literalType(value: unknown): jsonc.NodeType {
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    default:
      return value === null ? 'null' : Array.isArray(value) ? 'array' : 'object';
  }
}

/** Comments and trailing commas from a token scan (used when the text has syntax errors). */
function scanTrivia(text: string): { comments: { offset: number; length: number }[]; trailingCommas: number[] } {
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
  return { comments, trailingCommas };
}

/** A property node's key and value nodes. */
export function propertyParts(prop: Node): { key: Node; value: Node | undefined; name: string } {
  const key = prop.children![0];
  return { key, value: prop.children![1], name: String(key.value) };
}

export interface Property {
  key: Node;
  value: Node | undefined;
  name: string;
  prop: Node;
}

/** The properties of an object node, in document order. */
export function properties(obj: Node | undefined): Property[] {
  const out: Property[] = [];
  if (!obj || obj.type !== 'object' || !obj.children) return out;
  for (const prop of obj.children) {
    const c = prop.children;
    if (prop.type !== 'property' || !c || c.length === 0) continue;
    out.push({ key: c[0], value: c[1], name: String(c[0].value), prop });
  }
  return out;
}

/** The last property named `name` (Go's decoder keeps the last duplicate); allocates nothing. */
export function lastProperty(obj: Node | undefined, name: string): Node | undefined {
  if (!obj || obj.type !== 'object' || !obj.children) return undefined;
  const children = obj.children;
  for (let i = children.length - 1; i >= 0; i--) {
    const c = children[i].children;
    if (children[i].type === 'property' && c && c.length > 0 && String(c[0].value) === name) return children[i];
  }
  return undefined;
}

/** The value of the last property named `name` (Go's decoder keeps the last duplicate). */
export function lastValue(obj: Node | undefined, name: string): Node | undefined {
  return lastProperty(obj, name)?.children![1];
}
