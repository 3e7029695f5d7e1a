import { Alias, isAlias, isMap, isScalar, isSeq, Scalar, visit, YAMLMap, YAMLSeq, type CollectionTag, type Document, type Node, type ScalarTag } from 'yaml';
import { lastAtOrBefore } from '../lastAtOrBefore';

/**
 * Small helpers over the `yaml` package's AST, shared by the model, the rules and the
 * features. Aliases are resolved to the anchored node (so a value keeps the position
 * of the text that defines it) and YAML 1.1 merge keys (`<<: *base`) are expanded
 * the way compose-go does it (go-yaml v3: explicit keys win over merged ones, and in
 * `<<: [*a, *b]` the earlier map wins).
 */

/** Start/end offsets into the document text. */
export type OffsetRange = [number, number];

/** Custom tags Compose defines for merging files (compose-spec 13-merge.md): accepted, never warned about. */
export const COMPOSE_TAGS: (ScalarTag | CollectionTag)[] = ['!reset', '!override'].flatMap((tag): (ScalarTag | CollectionTag)[] => [
  { tag, resolve: (s: string) => s },
  { tag, collection: 'map', nodeClass: YAMLMap, resolve: (m) => m },
  { tag, collection: 'seq', nodeClass: YAMLSeq, resolve: (s) => s },
]);

export interface Entry {
  key: string;
  /** The key node (a scalar), positioned where the key is written. */
  keyNode: Scalar;
  /** The value, alias resolved; null for `key:` with nothing after it. */
  value: Node | null;
  /** True when the entry came through a merge key, not written in this map. */
  merged: boolean;
}

export function resolveNode(doc: Document, node: unknown, depth = 0): Node | null {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) {
    if (depth > 20) return null;
    return resolveNode(doc, aliasTarget(doc, node), depth + 1);
  }
  return node as Node;
}

/** Every alias and anchored node of a document, numbered in `visit` order, and the anchored ones by anchor. */
interface AnchorIndex {
  order: Map<unknown, number>;
  anchored: Map<string, { at: number; node: Node }[]>;
}
const anchorIndexes = new WeakMap<Document, AnchorIndex>();

/**
 * The node an alias stands for: the last node before it (in `visit` order) that carries its
 * anchor, as `Alias.resolve` finds it. `Alias.resolve(doc)` walks the whole document on
 * every call unless given a toJS context's cache, so resolving every alias of a file was
 * quadratic: a 1 MB Compose file of repeated services with `<<: *base` took 6 s (#15, the
 * fuzz-like workload of npm run bench). Here the walk happens once per document.
 */
function aliasTarget(doc: Document, alias: Alias): Node | undefined {
  let index = anchorIndexes.get(doc);
  if (!index) {
    const built: AnchorIndex = { order: new Map(), anchored: new Map() };
    visit(doc, {
      Node: (_key, node) => {
        const anchor = isAlias(node) ? undefined : (node as { anchor?: string }).anchor;
        if (!isAlias(node) && !anchor) return;
        const at = built.order.size;
        built.order.set(node, at);
        if (anchor) {
          const list = built.anchored.get(anchor) ?? [];
          list.push({ at, node });
          built.anchored.set(anchor, list);
        }
      },
    });
    anchorIndexes.set(doc, (index = built));
  }
  const at = index.order.get(alias);
  const candidates = index.anchored.get(alias.source);
  if (at === undefined || !candidates) return undefined;
  const i = lastAtOrBefore(candidates, at - 1, (c) => c.at);
  return i >= 0 ? candidates[i].node : undefined;
}

export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (typeof key.value === 'symbol' || (key.value === '<<' && key.source === '<<'));
}

export function offsetRange(node: Node | null | undefined): OffsetRange | undefined {
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}

/** The entries of a mapping with aliases resolved and merge keys expanded. */
export function mapEntries(doc: Document, node: Node | null, depth = 0): Entry[] {
  if (!isMap(node) || depth > 20) return [];
  const own: Entry[] = [];
  const mergedLists: Entry[][] = [];
  for (const pair of node.items) {
    if (isMergeKey(pair.key)) {
      const v = resolveNode(doc, pair.value);
      const sources = isSeq(v) ? v.items.map((i) => resolveNode(doc, i)) : [v];
      for (const s of sources) mergedLists.push(mapEntries(doc, s, depth + 1).map((e) => ({ ...e, merged: true })));
      continue;
    }
    const keyNode = resolveNode(doc, pair.key);
    if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') continue;
    own.push({ key: String(keyNode.value), keyNode, value: resolveNode(doc, pair.value), merged: false });
  }
  if (mergedLists.length === 0) return own;
  const seen = new Set(own.map((e) => e.key));
  const result = [...own];
  for (const list of mergedLists) {
    for (const e of list) {
      if (seen.has(e.key)) continue;
      seen.add(e.key);
      result.push(e);
    }
  }
  return result;
}

export function entry(entries: readonly Entry[], key: string): Entry | undefined {
  return entries.find((e) => e.key === key);
}

/** Items of a sequence, aliases resolved. */
export function seqItems(doc: Document, node: Node | null): Node[] {
  if (!isSeq(node)) return [];
  return node.items.map((i) => resolveNode(doc, i)).filter((n): n is Node => n !== null);
}

/** A scalar's value as text (numbers and booleans as written), or undefined for non-scalars/null. */
export function scalarText(node: Node | null): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  if (typeof node.value === 'string') return node.value;
  if (typeof node.source === 'string' && node.type === 'PLAIN') return node.source;
  return String(node.value);
}

/** True for a null value or `key:` with nothing (Compose treats both as "no settings"). */
export function isNull(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

export function hasTag(node: Node | null, tag: string): boolean {
  return !!node && (node as { tag?: string }).tag === tag;
}

/** The JSON-ish kind of a node, for "must be a …" messages. */
export function kindOf(node: Node | null): 'null' | 'string' | 'number' | 'boolean' | 'mapping' | 'list' | 'other' {
  if (isNull(node)) return 'null';
  if (isMap(node)) return 'mapping';
  if (isSeq(node)) return 'list';
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'string') return 'string';
    if (typeof v === 'number' || typeof v === 'bigint') return 'number';
    if (typeof v === 'boolean') return 'boolean';
  }
  return 'other';
}
