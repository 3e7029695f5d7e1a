import { lastAtOrBefore } from '../lastAtOrBefore';
import type { Node, ParseError } from 'jsonc-parser';
import type { FixDescriptor, Problem, Rule } from '../languageMode';
import { TOP_LEVEL } from './daemonSchema';

/**
 * How deep the tree is built. jsonc-parser's visit, and so the parse, recurses once per
 * level and overflowed the stack at about 3,000 nested objects; every request on such a
 * file then failed (#15 item 3). No real daemon.json comes near this.
 */
export const MAX_DEPTH = 1000;

/**
 * The model of one daemon.json (parse.ts): a tolerant jsonc-parser tree, so completion
 * and hover work on broken text, plus everything Go's encoding/json would refuse, which
 * the strict-JSON rule reports (comments, trailing commas, syntax errors).
 *
 * The tree is the mode's sorted structure: every node's children are in document order,
 * so position look-ups descend it by binary search (`nodeAt`, locationAt.ts).
 */
export interface DaemonJsonModel {
  /** The document's URI: the host model (#17) finds the drop-ins beside it by its place. */
  uri: string;
  text: string;
  /**
   * The text the tree was built from: `text`, except that values nested deeper than
   * MAX_DEPTH are replaced by `null` of the same length (#15), so offsets agree.
   */
  parsedText: string;
  /** Where the first value nested deeper than MAX_DEPTH opens, and the deepest nesting of the text. */
  tooDeep: { offset: number; depth: number } | undefined;
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
  /** The top-level properties in document order. */
  topProperties: readonly TopProperty[];
  /** The last property of each top-level key: the one Go's decoder keeps. */
  top: ReadonlyMap<string, TopProperty>;
}

export interface Property {
  key: Node;
  value: Node | undefined;
  name: string;
  prop: Node;
}

/** A top-level property, with the path a fix descriptor names it by. */
export interface TopProperty extends Property {
  path: KeyPath;
}

/**
 * One step of a path into the document: an array index; a key, meaning the last property
 * of that name (the one Go keeps); or `[key, n]`, the n-th (from 0) property of that name,
 * a duplicate that a later one overrides (it resolves to nothing once it is the last).
 */
export type PathStep = number | string | [key: string, nth: number];
export type KeyPath = PathStep[];

/**
 * What a daemon.json quick fix does, naming its target by meaning (a key path), never by
 * offsets: it is resolved against the parse of the text as it is when the user asks for
 * code actions (codeActions.ts), and refused when the target is gone or changed (#14).
 * A path that ends in a key step names the property; `replaceValue` names a value.
 */
export type DaemonJsonFix = FixDescriptor &
  (
    | { kind: 'renameKey'; path: KeyPath; to: string; wrapInArray?: boolean }
    | { kind: 'replaceValue'; path: KeyPath; from: unknown; to: unknown }
    | { kind: 'removeProperty'; path: KeyPath }
    | { kind: 'moveIntoObject'; path: KeyPath; object: string }
    /** The `nth` (from 0) comment whose text is `comment` (#20). */
    | { kind: 'removeComment'; comment: string; nth: number }
    /** The comma after the last entry of the object or array at `path` (`[]`: the top level, #20). */
    | { kind: 'removeTrailingComma'; path: KeyPath }
    /** An empty file becomes `{}` (#20). */
    | { kind: 'writeEmptyObject' }
  );

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

/** The value of the top-level key `name` (its last occurrence). */
export function topValue(model: DaemonJsonModel, name: string): Node | undefined {
  return model.top.get(name)?.value;
}

/** The string value of a node, or undefined for non-strings. */
export function stringValue(node: Node | undefined): string | undefined {
  return node && node.type === 'string' ? (node.value as string) : undefined;
}

/** The string items of an array node, with their nodes. */
export function stringItems(node: Node | undefined): { node: Node; value: string }[] {
  const out: { node: Node; value: string }[] = [];
  if (!node || node.type !== 'array' || !node.children) return out;
  for (const c of node.children) if (c.type === 'string') out.push({ node: c, value: c.value as string });
  return out;
}

/** The `log-driver` the file sets, else the default. */
export function logDriverOf(model: DaemonJsonModel): string {
  const v = lastValue(model.object, 'log-driver');
  return v?.type === 'string' && v.value ? String(v.value) : String(TOP_LEVEL['log-driver'].default ?? 'json-file');
}

/**
 * The innermost node that contains `offset` (its end excluded), as jsonc-parser's
 * `findNodeAtOffset(root, offset, false)` finds it, by binary search among each level's
 * children and without recursion (#15: deep nesting must not overflow the stack).
 */
export function nodeAt(root: Node | undefined, offset: number): Node | undefined {
  if (!root || !(offset >= root.offset && offset < root.offset + root.length)) return undefined;
  let node = root;
  for (;;) {
    const children = node.children;
    if (!children || children.length === 0) return node;
    // The last child that starts at or before `offset`; findNodeAtOffset tries the
    // children in order and takes the first that contains it, and siblings do not overlap.
    const c = children[lastAtOrBefore(children, offset, (n) => n.offset)];
    if (!c || !(offset < c.offset + c.length)) return node;
    node = c;
  }
}

/** The index of `child` among `parent`'s children, by binary search on offsets (children are in document order). */
function indexIn(parent: Node, child: Node): number {
  const children = parent.children ?? [];
  let lo = 0;
  let hi = children.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = children[mid];
    if (c === child) return mid;
    if (c.offset < child.offset || (c.offset === child.offset && c.length < child.length)) lo = mid + 1;
    else hi = mid - 1;
  }
  return children.indexOf(child);
}

/** The step that names property `prop` among the properties of `obj`. */
export function keyStep(obj: Node, prop: Node, index = indexIn(obj, prop)): PathStep {
  const name = String(prop.children![0].value);
  const children = obj.children ?? [];
  let later = false;
  for (let i = index + 1; i < children.length && !later; i++) later = children[i].type === 'property' && String(children[i].children?.[0]?.value) === name;
  if (!later) return name;
  let nth = 0;
  for (let i = 0; i < index; i++) if (children[i].type === 'property' && String(children[i].children?.[0]?.value) === name) nth++;
  return [name, nth];
}

/**
 * The path of a node: a key stands for its property, a value is named by its property's
 * key or its index in the array. Walks up the parent links (no recursion).
 */
export function pathOf(node: Node): KeyPath {
  const steps: PathStep[] = [];
  let n: Node = node;
  if (n.parent?.type === 'property' && n.parent.children?.[0] === n) n = n.parent;
  while (n.parent) {
    const parent: Node = n.parent;
    if (n.type === 'property') steps.push(keyStep(parent, n));
    else if (parent.type === 'array') steps.push(indexIn(parent, n));
    n = parent;
  }
  return steps.reverse();
}

/**
 * The node a path names in the current tree: a property for a path that ends with a key
 * step, else the array item; undefined when the path leads nowhere (the text changed).
 */
export function nodeAtPath(root: Node | undefined, path: readonly PathStep[]): Node | undefined {
  let node = root;
  for (const step of path) {
    if (!node) return undefined;
    if (node.type === 'property') node = node.children?.[1];
    if (!node) return undefined;
    if (typeof step === 'number') {
      node = node.type === 'array' && Number.isInteger(step) ? node.children?.[step] : undefined;
      continue;
    }
    if (node.type !== 'object') return undefined;
    if (typeof step === 'string') {
      node = lastProperty(node, step);
      continue;
    }
    if (!Array.isArray(step) || typeof step[0] !== 'string' || typeof step[1] !== 'number') return undefined;
    // The n-th property of that name, which must still have a later one: `[key, n]` names
    // a duplicate that the last one overrides, and is refused once it has become the last.
    const [name, nth] = step;
    let seen = 0;
    let match: Node | undefined;
    let overridden = false;
    for (const c of node.children ?? []) {
      if (c.type !== 'property' || String(c.children?.[0]?.value) !== name) continue;
      if (match) {
        overridden = true;
        break;
      }
      if (seen++ === nth) match = c;
    }
    node = overridden ? match : undefined;
  }
  return node;
}

/** A daemon.json rule: a plain function over the model (one per file in rules/, listed in rules/index.ts). */
export type DaemonJsonRule = Rule<DaemonJsonModel, DaemonJsonFix>;
export type DaemonJsonProblem = Problem<DaemonJsonFix>;
