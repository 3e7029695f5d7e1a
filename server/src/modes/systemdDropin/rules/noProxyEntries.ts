import { PROXY_VARIABLES, proxyVariableOf } from '../directiveSchema';
import { valueSlice } from '../dropinModel';
import { parseNoProxy } from '../noProxy';
import { diagnostic, DiagnosticSeverity, type Rule } from './rule';

/** NO_PROXY entries that Go's httpproxy accepts but that can never match (noProxy.ts). */
export const noProxyEntries: Rule = (ctx) => {
  const out = [];
  for (const w of ctx.model.variables) {
    const upper = proxyVariableOf(w.name);
    if (!upper || PROXY_VARIABLES[upper].kind !== 'noProxy' || w.resolved.uses.length > 0) continue;
    for (const e of parseNoProxy(w.value)) {
      if (e.kind !== 'nothing') continue;
      out.push(
        diagnostic(valueSlice(w, e.start, e.end),
          'no-proxy-entry-ignored',
          `This ${w.name} entry matches nothing: ${e.reason}.`,
          DiagnosticSeverity.Warning,
        ),
      );
    }
  }
  return out;
};
