import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import { effectiveProxies, maskCredentials } from '../../host/effectiveProxies';
import { hostOf } from '../../host/hostModel';
import { formatEngineVersion } from '../../../shared/engineVersion';
import { proxyVariableOf } from '../directiveSchema';
import type { DropinFix, DropinModel } from '../model';

/**
 * A proxy variable that dockerd ignores because the host gives the same setting in
 * daemon.json `proxies` or as a `--http-proxy`-style flag: from Engine 23.0 those
 * overwrite HTTP_PROXY/http_proxy (and the others) when dockerd starts (moby
 * daemon/command/daemon.go `configureProxyEnv`, which logs "overriding existing proxy
 * variable with value from configuration"). Before 23.0 daemon.json has no `proxies`
 * (the daemon.json mode reports it), and the environment counts (#17).
 */
export const proxyOverridden: Rule<DropinModel, DropinFix> = (model, ctx) => {
  if (!model.environment.some((l) => l.proxyWords.length > 0)) return [];
  const host = hostOf({ uri: model.uri, model }, 'systemdDropin', ctx);
  if (!host.daemonJson && !host.execStart?.command?.flags.some((f) => /^(http|https|no)-proxy$/.test(f.name))) return [];
  const effective = effectiveProxies(host, ctx);
  const out: Problem<DropinFix>[] = [];
  for (const line of model.environment) {
    for (const w of line.proxyWords) {
      const upper = proxyVariableOf(w.name);
      const s = upper ? effective.get(upper) : undefined;
      if (!s || s.from === 'environment') continue;
      const by = s.from === 'flag' ? l10n.t('the flag --{0}', s.key) : l10n.t('"{0}" in daemon.json', s.key);
      out.push({
        range: [w.nameSpan.start, w.nameSpan.end],
        severity: 'warning',
        code: 'proxy-overridden',
        message: l10n.t(
          'dockerd {0} ignores {1} here: {2} ({3}, "{4}") replaces it when dockerd starts. Keep the proxy in one place: remove this variable, or the setting there.',
          formatEngineVersion(ctx.engineVersion),
          w.name,
          by,
          s.where,
          maskCredentials(s.value),
        ),
      });
    }
  }
  return out;
};
