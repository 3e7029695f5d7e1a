import type { Segment } from 'jsonc-parser';
import { childSchema, type SchemaNode, TOP_LEVEL, topLevelEntry, type ValueInfo } from './daemonSchema';

/** The schema node at a JSON path such as ['log-opts', 'max-size'] or ['default-address-pools', 0, 'base']. */
export function schemaAtPath(path: readonly Segment[]): SchemaNode | undefined {
  if (path.length === 0 || typeof path[0] !== 'string') return undefined;
  let node = topLevelEntry(path[0]);
  for (const seg of path.slice(1)) {
    if (!node) return undefined;
    if (typeof seg === 'number') node = node.items;
    else {
      const exact = childSchema(node, seg);
      const ci = node.properties && Object.keys(node.properties).find((k) => k.toLowerCase() === seg.toLowerCase());
      node = exact ?? (ci ? node.properties![ci] : undefined);
    }
  }
  return node;
}

export function pathText(path: readonly Segment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/**
 * The documented values of the value at `path`: the node's x-values, an array item's
 * from its key (exec-opts), a log option's from log-opts' x-optionValues. Completion and
 * hover both read values through here.
 */
export function valuesAt(path: readonly Segment[]): { key: string; values: Record<string, ValueInfo> } | undefined {
  if (path.length === 0) return undefined;
  const last = path[path.length - 1];
  if (path.length === 2 && path[0] === 'log-opts' && typeof last === 'string') {
    const values = TOP_LEVEL['log-opts']['x-optionValues']?.[last];
    return values ? { key: last, values } : undefined;
  }
  const own = schemaAtPath(path)?.['x-values'];
  if (own) return { key: String(typeof last === 'number' ? path[path.length - 2] : last), values: own };
  if (typeof last === 'number') {
    const parent = schemaAtPath(path.slice(0, -1))?.['x-values'];
    if (parent) return { key: String(path[path.length - 2]), values: parent };
  }
  return undefined;
}
