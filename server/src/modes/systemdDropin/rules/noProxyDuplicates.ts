import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import { PROXY_VARIABLES, proxyVariableOf } from '../directiveSchema';
import { valueSlice, variableRef, type DropinFix, type DropinModel } from '../model';
import { parseNoProxy } from '../noProxy';

/**
 * NO_PROXY entries that match exactly the hosts an earlier entry of the same variable
 * matches (#20: `*.corp` and `.corp` were explained as the same entry but not flagged).
 * Two entries are the same when Go's httpproxy reads them alike: noProxy.ts gives each a
 * kind and a meaning (case, a leading `*.`, the written form of an address or range do not
 * count), so equal kind and meaning is equal matching.
 */
export const noProxyDuplicates: Rule<DropinModel, DropinFix> = (model) => {
  const out: Problem<DropinFix>[] = [];
  for (const w of model.variables) {
    const upper = proxyVariableOf(w.name);
    if (!upper || PROXY_VARIABLES[upper].kind !== 'noProxy' || w.resolved.uses.length > 0) continue;
    const seen = new Map<string, string>();
    for (const e of parseNoProxy(w.value)) {
      if (e.kind === 'nothing') continue;
      const same = seen.get(`${e.kind} ${e.meaning}`);
      if (same === undefined) {
        seen.set(`${e.kind} ${e.meaning}`, e.text);
        continue;
      }
      const span = valueSlice(w, e.start, e.end);
      // The entry with the comma before it: what removing it takes from the value.
      let from = e.start;
      while (from > 0 && w.value[from - 1] !== ',') from--;
      if (from > 0) from--;
      out.push({
        range: [span.start, span.end],
        severity: 'information',
        code: 'no-proxy-duplicate',
        message: l10n.t('`{0}` matches the same hosts as `{1}` earlier in {2}; it changes nothing. Remove it.', e.text, same, w.name),
        tags: ['unnecessary'],
        fixes: [{ kind: 'remove-value-text', at: variableRef(w), index: from, text: w.value.slice(from, e.end), title: l10n.t('Remove `{0}`', e.text), preferred: true, safe: true }],
      });
    }
  }
  return out;
};
