import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser';
import { type DaemonJsonProblem, type DaemonJsonRule, type KeyPath, pathOf } from '../model';
import { problemAt } from '../problemAt';

/**
 * Go's encoding/json accepts duplicate keys and keeps the last one (docker-facts §2.2,
 * run on 20.10), so an earlier duplicate is silently dropped: warn on every earlier one.
 * Top-level keys first, then the keys nested in each top-level value, in document order.
 */
export const duplicateKeys: DaemonJsonRule = (model) => {
  const out: DaemonJsonProblem[] = [];
  if (model.object?.children) checkObject(model.object, [], out);
  for (const p of model.topProperties) {
    // Iteratively, with an explicit stack: nesting depth must not overflow the call stack (#15).
    const stack: Node[] = p.value?.children ? [p.value] : [];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'object') checkObject(node, undefined, out);
      const children = node.children!;
      // Pushed in reverse, so that they are visited in document order.
      for (let i = children.length - 1; i >= 0; i--) {
        const c = children[i];
        const value = c.type === 'property' ? c.children?.[1] : c;
        if (value?.children) stack.push(value); // leaves hold no objects
      }
    }
  }
  return out;
};

/** Small objects (nearly all of them) are checked pairwise, larger ones through a Map: no per-property allocation. */
const PAIRWISE_LIMIT = 16;

/** Warns on every property of `obj` that a later one of the same name overrides. `path` is the object's, computed when first needed. */
function checkObject(obj: Node, path: KeyPath | undefined, out: DaemonJsonProblem[]): void {
  const keys: Node[] = [];
  for (const prop of obj.children!) if (prop.type === 'property' && prop.children && prop.children.length > 0) keys.push(prop.children[0]);
  if (keys.length < 2) return;
  const warn = (key: Node, name: string, nth: number): void => {
    path ??= pathOf(obj);
    out.push(
      problemAt(key, 'warning', 'duplicate-key', l10n.t('Duplicate key "{0}": dockerd uses only the last one and ignores this one. Remove one of them.', name), [
        { title: l10n.t('Remove this "{0}"', name), kind: 'removeProperty', path: [...path, [name, nth]] },
      ]),
    );
  };
  if (keys.length <= PAIRWISE_LIMIT) {
    for (let i = 0; i < keys.length - 1; i++) {
      const name = String(keys[i].value);
      for (let j = i + 1; j < keys.length; j++) {
        if (String(keys[j].value) === name) {
          let nth = 0;
          for (let k = 0; k < i; k++) if (String(keys[k].value) === name) nth++;
          warn(keys[i], name, nth);
          break;
        }
      }
    }
    return;
  }
  const last = new Map<string, number>();
  keys.forEach((k, i) => last.set(String(k.value), i));
  const seen = new Map<string, number>();
  keys.forEach((k, i) => {
    const name = String(k.value);
    const nth = seen.get(name) ?? 0;
    seen.set(name, nth + 1);
    if (last.get(name) !== i) warn(k, name, nth);
  });
}
