import type { Node } from 'jsonc-parser';
import type { Diagnostic } from 'vscode-languageserver-types';
import { properties } from '../parseDaemonJson';
import { diag, type RuleContext } from '../ruleContext';

/**
 * Go's encoding/json accepts duplicate keys and keeps the last one (docker-facts §2.2,
 * run on 20.10), so an earlier duplicate is silently dropped: warn on every earlier one.
 */
export function duplicateKeys(rc: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (obj: Node | undefined): void => {
    if (!obj) return;
    if (obj.type === 'object') {
      const props = properties(obj);
      const last = new Map<string, number>();
      props.forEach((p, i) => last.set(p.name, i));
      props.forEach((p, i) => {
        if (last.get(p.name) !== i) {
          out.push(diag(rc, p.key, 'warning', 'duplicate-key', `Duplicate key "${p.name}": dockerd uses only the last one and ignores this one. Remove one of them.`, [{ title: `Remove this "${p.name}"`, fix: { kind: 'removeProperty' } }]));
        }
      });
    }
    for (const c of obj.children ?? []) visit(c.type === 'property' ? c.children?.[1] : c);
  };
  visit(rc.parsed.object);
  return out;
}
