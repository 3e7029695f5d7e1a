import * as jsonc from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type DaemonJsonModel, MAX_DEPTH, type PathStep, type TopProperty } from './model';

const { SyntaxKind } = jsonc;

const PARSE_OPTIONS: jsonc.ParseOptions = { disallowComments: false, allowTrailingComma: true, allowEmptyContent: true };

/**
 * The pure parse of one daemon.json (#14): the same text gives an equal model, and
 * nothing is kept between calls.
 */
export function parse(document: TextDocument): DaemonJsonModel {
  const text = document.getText();
  const { parsedText, tooDeep } = cutDeepNesting(text);
  const syntaxErrors: ParseError[] = [];
  let comments: { offset: number; length: number }[] = [];
  let trailingCommas: number[] = [];
  const root = buildTree(parsedText, syntaxErrors, comments, trailingCommas);
  if (syntaxErrors.length > 0) {
    // On broken text the parser skips tokens without reporting them, so the token-level
    // facts are taken from a plain scan instead (only then: the scan costs as much as the parse).
    ({ comments, trailingCommas } = scanTrivia(parsedText));
  }
  let trailingDataOffset: number | undefined;
  if (root) {
    // Sticky search from the end of the value: no copy of the rest of the text.
    const nonSpace = /\S/g;
    nonSpace.lastIndex = root.offset + root.length;
    const m = nonSpace.exec(parsedText);
    if (m) trailingDataOffset = m.index;
  }
  const object = root?.type === 'object' ? root : undefined;
  const { topProperties, top } = topLevel(object);
  return { uri: document.uri, text, parsedText, tooDeep, root, object, syntaxErrors, comments, trailingCommas, trailingDataOffset, topProperties, top };
}

/**
 * `text` with every value that opens deeper than MAX_DEPTH replaced by `null` (or `0`
 * where `null` does not fit) padded with spaces, so every offset stays the same; and
 * where the first such value opens, with the deepest nesting in the text. One pass,
 * no recursion: strings (which jsonc-parser ends at a line break) and comments are
 * skipped, so their brackets do not count.
 */
export function cutDeepNesting(text: string): { parsedText: string; tooDeep?: { offset: number; depth: number } } {
  // Nesting deeper than the limit needs more opening brackets than that: counted with
  // indexOf, this settles nearly every file at a fraction of the cost of the scan below.
  if (!hasMoreThan(text, '{', '[', MAX_DEPTH)) return { parsedText: text };
  let depth = 0;
  let maxDepth = 0;
  let cutStart = -1;
  const cuts: [number, number][] = [];
  const n = text.length;
  // The next character that matters; inside a string, the next that can end it.
  const token = /["{}[\]/]/g;
  const inString = /["\\\n\r]/g;
  for (let i = 0; i < n; i++) {
    token.lastIndex = i;
    const m = token.exec(text);
    if (!m) break;
    i = m.index;
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (;;) {
        inString.lastIndex = i + 1;
        const e = inString.exec(text);
        if (!e) {
          i = n;
          break;
        }
        i = e.index;
        if (text.charCodeAt(i) !== 92 /* \\ */) break;
        i++; // an escaped character
      }
    } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 1;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > maxDepth) maxDepth = depth;
      if (depth === MAX_DEPTH + 1 && cutStart < 0) cutStart = i;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (depth > 0) depth--;
      if (depth === MAX_DEPTH && cutStart >= 0) {
        cuts.push([cutStart, i + 1]);
        cutStart = -1;
      }
    }
  }
  if (cutStart >= 0) cuts.push([cutStart, n]);
  if (cuts.length === 0) return { parsedText: text };
  let parsedText = '';
  let from = 0;
  for (const [start, end] of cuts) {
    const stand = end - start >= 4 ? 'null' : '0';
    parsedText += text.slice(from, start) + stand + ' '.repeat(end - start - stand.length);
    from = end;
  }
  parsedText += text.slice(from);
  return { parsedText, tooDeep: { offset: cuts[0][0], depth: maxDepth } };
}

/**
 * The top-level properties, each with the path a fix names it by, and the last one of
 * each name; in two passes, so a file of many duplicates costs no more than one without.
 */
function topLevel(object: Node | undefined): { topProperties: TopProperty[]; top: Map<string, TopProperty> } {
  const topProperties: TopProperty[] = [];
  const top = new Map<string, TopProperty>();
  for (const prop of object?.children ?? []) {
    const c = prop.children;
    if (prop.type !== 'property' || !c || c.length === 0) continue;
    const p: TopProperty = { key: c[0], value: c[1], name: String(c[0].value), prop, path: [] };
    topProperties.push(p);
    top.set(p.name, p);
  }
  const seen = new Map<string, number>();
  for (const p of topProperties) {
    const nth = seen.get(p.name) ?? 0;
    seen.set(p.name, nth + 1);
    const step: PathStep = top.get(p.name) === p ? p.name : [p.name, nth];
    p.path = [step];
  }
  return { topProperties, top };
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
): Node | undefined {
  // An artificial array holds the top-level value while the tree is built.
  const top: BuildNode = { type: 'array', offset: -1, length: -1, children: [], parent: undefined };
  let current: BuildNode = top;
  let pendingComma = -1;
  const add = (node: BuildNode): BuildNode => {
    current.children!.push(node);
    return node;
  };
  // jsonc-parser's scanner reads an unterminated block comment two characters past the
  // end of the text, and every position it reports after that is past the end too: keep
  // them inside the text (#15, found by the fuzzer).
  const inside = (offset: number): number => Math.min(offset, text.length);
  // A property ends with its value (or, when the value is missing, at the next , or }).
  const closeProperty = (end: number): void => {
    if (current.type === 'property') {
      current.length = inside(end) - current.offset;
      current = current.parent!;
    }
  };
  const closeContainer = (offset: number, length: number): void => {
    if (pendingComma >= 0) trailingCommas.push(pendingComma);
    pendingComma = -1;
    current.length = inside(offset + length) - current.offset;
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
      onObjectProperty: (name, offset, length) => {
        pendingComma = -1;
        current = add({ type: 'property', offset, length: -1, parent: current, children: [] });
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
        comments.push(commentSpan(text, offset, length));
      },
      onError: (error, offset, length) => {
        pendingComma = -1;
        errors.push({ error, offset: inside(offset), length: inside(offset + length) - inside(offset) });
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
/**
 * A comment's span, kept inside the text: jsonc-parser's scanner gives an unterminated
 * block comment (`/*` to the end) a length two characters past the end (#15, found by
 * the fuzzer: a diagnostic outside the document).
 */
function commentSpan(text: string, offset: number, length: number): { offset: number; length: number } {
  return { offset, length: Math.max(0, Math.min(length, text.length - offset)) };
}

function scanTrivia(text: string): { comments: { offset: number; length: number }[]; trailingCommas: number[] } {
  const comments: { offset: number; length: number }[] = [];
  const trailingCommas: number[] = [];
  const scanner = jsonc.createScanner(text, false);
  let pendingComma: number | undefined;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      comments.push(commentSpan(text, scanner.getTokenOffset(), scanner.getTokenLength()));
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

/** Whether `text` holds more than `limit` occurrences of `a` and `b` together. */
function hasMoreThan(text: string, a: string, b: string, limit: number): boolean {
  if (text.length <= limit) return false;
  let count = 0;
  for (const ch of [a, b]) {
    for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) if (++count > limit) return true;
  }
  return false;
}
