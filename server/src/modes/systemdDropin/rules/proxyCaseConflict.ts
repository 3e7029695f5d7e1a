import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import { PROXY_VARIABLES } from '../directiveSchema';
import type { DropinFix, DropinModel, EnvWord } from '../model';

/**
 * Go reads HTTP_PROXY before http_proxy (x/net httpproxy `getEnvAny`): when both are
 * set to different values, the lower-case one is ignored by dockerd (other programs
 * may prefer the lower-case one, which is why the difference is worth a warning).
 */
export const proxyCaseConflict: Rule<DropinModel, DropinFix> = (model) => {
  const out: Problem<DropinFix>[] = [];
  const last = new Map<string, EnvWord>();
  for (const line of model.environment) {
    if (line.reset) last.clear();
    // Only the six proxy spellings are looked up below.
    for (const w of line.proxyWords) last.set(w.name, w);
  }
  for (const [upper, entry] of Object.entries(PROXY_VARIABLES)) {
    const u = last.get(upper);
    const l = last.get(entry.lowercase);
    if (!u || !l || u.value === l.value || u.value === '') continue;
    out.push({
      range: [l.nameSpan.start, l.nameSpan.end],
      severity: 'warning',
      code: 'proxy-case-conflict',
      message: l10n.t('{0} differs from {1}: dockerd reads {2} first and ignores this value. Give both the same value, or keep only {3}.', entry.lowercase, upper, upper, upper),
    });
  }
  return out;
};
