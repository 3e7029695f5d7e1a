import type { Problem, Rule } from '../../languageMode';
import { proxyFacts, PROXY_VARIABLES, proxyVariableOf } from '../directiveSchema';
import { valueSlice, type DropinFix, type DropinModel } from '../model';

/**
 * A user name or password in a proxy URL written into the unit is visible to every
 * local user: `systemctl show --property=Environment docker` needs no privileges.
 * A root-only file loaded with EnvironmentFile= keeps it private.
 */
export const proxyCredentials: Rule<DropinModel, DropinFix> = (model) => {
  const out: Problem<DropinFix>[] = [];
  for (const w of model.variables) {
    const upper = proxyVariableOf(w.name);
    if (!upper || PROXY_VARIABLES[upper].kind !== 'url') continue;
    const scheme = w.value.indexOf('://');
    const at = w.value.lastIndexOf('@');
    if (scheme < 0 || at <= scheme + 3) continue;
    const span = valueSlice(w, scheme + 3, at);
    out.push({ range: [span.start, span.end], severity: 'warning', code: 'proxy-credentials', message: proxyFacts().credentials });
  }
  return out;
};
