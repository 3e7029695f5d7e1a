import type { Node } from 'jsonc-parser';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diag, type PropertyRule, type RuleContext } from '../ruleContext';

/**
 * Go's encoding/json accepts duplicate keys and keeps the last one (docker-facts §2.2,
 * run on 20.10), so an earlier duplicate is silently dropped: warn on every earlier one.
 * Top-level keys are compared over the whole document; keys nested in a top-level
 * value, property by property, so that those verdicts are kept between edits (runRules.ts).
 */
export const duplicateKeys: PropertyRule = {
  name: 'duplicateKeys',
  perProperty: (rc, p) => {
    const out: Diagnostic[] = [];
    const warn = warner(rc, out);
    const visit = (node: Node | undefined): void => {
      if (!node || !node.children) return;
      if (node.type === 'object') checkObject(node.children, warn);
      for (const c of node.children) {
        const value = c.type === 'property' ? c.children?.[1] : c;
        if (value?.children) visit(value); // leaves hold no objects
      }
    };
    visit(p.value);
    return out;
  },
};

/** The top-level half of duplicateKeys. */
export function duplicateTopLevelKeys(rc: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (rc.parsed.object?.children) checkObject(rc.parsed.object.children, warner(rc, out));
  return out;
}

function warner(rc: RuleContext, out: Diagnostic[]): (key: Node, name: string) => void {
  return (key, name) => {
    out.push(diag(rc, key, 'warning', 'duplicate-key', `Duplicate key "${name}": dockerd uses only the last one and ignores this one. Remove one of them.`, [{ title: `Remove this "${name}"`, fix: { kind: 'removeProperty' } }]));
  };
}

/** Small objects (nearly all of them) are checked pairwise, larger ones through a Map: no per-property allocation. */
const PAIRWISE_LIMIT = 16;

function checkObject(children: readonly Node[], warn: (key: Node, name: string) => void): void {
  const keys: Node[] = [];
  for (const prop of children) if (prop.type === 'property' && prop.children && prop.children.length > 0) keys.push(prop.children[0]);
  if (keys.length < 2) return;
  if (keys.length <= PAIRWISE_LIMIT) {
    for (let i = 0; i < keys.length - 1; i++) {
      const name = String(keys[i].value);
      for (let j = i + 1; j < keys.length; j++) {
        if (String(keys[j].value) === name) {
          warn(keys[i], name);
          break;
        }
      }
    }
    return;
  }
  const last = new Map<string, number>();
  keys.forEach((k, i) => last.set(String(k.value), i));
  keys.forEach((k, i) => {
    const name = String(k.value);
    if (last.get(name) !== i) warn(k, name);
  });
}
