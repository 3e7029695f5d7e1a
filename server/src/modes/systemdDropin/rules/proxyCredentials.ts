import { PROXY_FACTS, PROXY_VARIABLES, proxyVariableOf } from '../directiveSchema';
import { valueSlice } from '../dropinModel';
import { diagnostic, DiagnosticSeverity, type Rule } from './rule';

/**
 * A user name or password in a proxy URL written into the unit is visible to every
 * local user: `systemctl show --property=Environment docker` needs no privileges.
 * A root-only file loaded with EnvironmentFile= keeps it private.
 */
export const proxyCredentials: Rule = (ctx) => {
  const out = [];
  for (const w of ctx.model.variables) {
    const upper = proxyVariableOf(w.name);
    if (!upper || PROXY_VARIABLES[upper].kind !== 'url') continue;
    const scheme = w.value.indexOf('://');
    const at = w.value.lastIndexOf('@');
    if (scheme < 0 || at <= scheme + 3) continue;
    out.push(diagnostic(valueSlice(w, scheme + 3, at), 'proxy-credentials', `${PROXY_FACTS.credentials}`, DiagnosticSeverity.Warning));
  }
  return out;
};
