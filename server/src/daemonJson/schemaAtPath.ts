import type { Segment } from 'jsonc-parser';
import { childSchema, type SchemaNode, topLevelEntry } from './daemonSchema';

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
