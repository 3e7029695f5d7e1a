import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import { PROXY_VARIABLES, proxyVariableOf } from '../directiveSchema';
import { valueSlice, type DropinFix, type DropinModel } from '../model';
import { parseNoProxy } from '../noProxy';

/** NO_PROXY entries that Go's httpproxy accepts but that can never match (noProxy.ts). */
export const noProxyEntries: Rule<DropinModel, DropinFix> = (model) => {
  const out: Problem<DropinFix>[] = [];
  for (const w of model.variables) {
    const upper = proxyVariableOf(w.name);
    if (!upper || PROXY_VARIABLES[upper].kind !== 'noProxy' || w.resolved.uses.length > 0) continue;
    for (const e of parseNoProxy(w.value)) {
      if (e.kind !== 'nothing') continue;
      const span = valueSlice(w, e.start, e.end);
      out.push({ range: [span.start, span.end], severity: 'warning', code: 'no-proxy-entry-ignored', message: l10n.t('This {0} entry matches nothing: {1}.', w.name, e.reason ?? '') });
    }
  }
  return out;
};
