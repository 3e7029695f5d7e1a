import * as jsonc from 'jsonc-parser';
import type { Node, Segment } from 'jsonc-parser';
import type { DaemonJsonModel } from './model';

const { SyntaxKind } = jsonc;

/**
 * jsonc-parser's `getLocation(text, offset)`, without re-scanning the file from its
 * start on every completion request.
 *
 * getLocation's state right after an object's `{`, and right after a `,` between two of
 * its properties, is the same: no previous node, "at a property key", and the path of
 * the object plus a placeholder. So, when the text parsed without errors (the cached tree
 * then mirrors the tokens exactly), the scan starts at the last such point before the
 * cursor inside the innermost object around it: `{` followed by the text after that
 * comma. The object's path comes from the tree. On broken text it falls back to the
 * full scan, whose recovery the tree cannot reproduce.
 */
export interface DaemonJsonLocation {
  path: Segment[];
  previousNode?: Node;
  isAtPropertyKey: boolean;
}

export function locationAt(model: DaemonJsonModel, offset: number): DaemonJsonLocation {
  // The text the tree was built from: getLocation recurses as the parse does (#15).
  const text = model.parsedText;
  if (!model.root || model.syntaxErrors.length > 0) return jsonc.getLocation(text, offset);
  const obj = innermostObject(model.root, offset);
  if (!obj) return jsonc.getLocation(text, offset);
  const { start, end } = scanWindow(text, obj, offset);
  // The scan resumes after the `{` or `,` at `start`; a `{` stands in for either. It ends
  // by the token of the next property at the latest, so the window stops there.
  const local = jsonc.getLocation(`{${text.slice(start + 1, end)}`, offset - start);
  const prev = local.previousNode;
  const previousNode: Node | undefined = prev && {
    type: prev.type,
    value: prev.value,
    offset: prev.offset + start,
    length: prev.length,
    colonOffset: prev.colonOffset === undefined ? undefined : prev.colonOffset + start,
  };
  return { path: [...jsonc.getNodePath(obj), ...local.path], previousNode, isAtPropertyKey: local.isAtPropertyKey };
}

/** The innermost object node whose `{` lies before `offset` and whose `}` lies at or after it. */
function innermostObject(root: Node, offset: number): Node | undefined {
  let found: Node | undefined;
  let node: Node | undefined = root;
  while (node) {
    if (!(node.offset < offset && offset < node.offset + node.length)) break;
    if (node.type === 'object') found = node;
    const children: Node[] = node.children ?? [];
    node = undefined;
    // Children are in document order: binary search for the one around `offset`.
    let lo = 0;
    let hi = children.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = children[mid];
      if (c.offset + c.length < offset) lo = mid + 1;
      else if (c.offset > offset) hi = mid - 1;
      else {
        node = c;
        break;
      }
    }
    // A property: step into its value (the key is a string, no object inside).
    if (node?.type === 'property') node = node.children?.[1];
  }
  return found;
}

/**
 * Where the scan starts: the `{` of `obj`, or the `,` after the last of its properties
 * that ends before `offset` (if that comma is before `offset` too). Where it may stop:
 * the end of the first property starting at or after `offset`, else the object's end.
 */
function scanWindow(text: string, obj: Node, offset: number): { start: number; end: number } {
  const props = obj.children ?? [];
  let lo = 0;
  let hi = props.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (props[mid].offset + props[mid].length < offset) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  let start = obj.offset;
  for (let k = last; k >= 0; k--) {
    const comma = commaAfter(text, props[k].offset + props[k].length);
    if (comma !== undefined && comma < offset) {
      start = comma;
      break;
    }
  }
  let end = obj.offset + obj.length;
  for (let k = last + 1; k < props.length; k++) {
    if (props[k].offset >= offset) {
      end = props[k].offset + props[k].length;
      break;
    }
  }
  return { start, end };
}

/** The offset of the `,` that follows `from` past whitespace and comments, if the next token is one. */
function commaAfter(text: string, from: number): number | undefined {
  const scanner = jsonc.createScanner(text, false);
  scanner.setPosition(from);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia || kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) continue;
    return kind === SyntaxKind.CommaToken ? scanner.getTokenOffset() : undefined;
  }
  return undefined;
}
