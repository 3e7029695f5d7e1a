import * as l10n from '@vscode/l10n';
import { reached, TOP_LEVEL } from '../daemonJson/daemonSchema';
import type { ModeContext } from '../languageMode';
import { PROXY_VARIABLES } from '../systemdDropin/directiveSchema';
import { displayName, lineNumber, type HostModel } from './hostModel';

/** Where dockerd takes one proxy setting from. */
export interface ProxySource {
  /** HTTP_PROXY, HTTPS_PROXY or NO_PROXY. */
  variable: string;
  /** The daemon.json key and flag name: http-proxy, https-proxy, no-proxy. */
  key: string;
  value: string;
  from: 'flag' | 'daemon.json' | 'environment';
  /** `FILE:LINE`, for messages and hovers. */
  where: string;
}

/** HTTP_PROXY → http-proxy (the flag and the key inside `proxies`). */
export function proxyKeyOf(variable: string): string {
  return variable.toLowerCase().replace('_', '-');
}

/** A proxy URL with its user and password masked, as dockerd prints it (moby daemon/config `MaskCredentials`). */
export function maskCredentials(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1xxxxx:xxxxx@');
}

/**
 * The proxy settings dockerd uses, and where each comes from (#17). From Engine 23.0
 * (when `proxies` and `--http-proxy` appeared: schemas/daemon.schema.json) a non-empty
 * value from a flag or daemon.json overwrites both spellings of the variable at start
 * (moby daemon/command/daemon.go `configureProxyEnv`), so the drop-ins' Environment=
 * value is ignored; before, only the environment counts. Within the environment Go reads
 * the upper-case name first (x/net httpproxy `getEnvAny`). A flag and daemon.json both
 * giving one is a conflict dockerd refuses (host/flagConflictsOf.ts): the flag is shown.
 */
export function effectiveProxies(host: HostModel, ctx: ModeContext): Map<string, ProxySource> {
  const out = new Map<string, ProxySource>();
  const since = TOP_LEVEL.proxies?.['x-since'] ?? '23.0';
  const configured = reached(ctx.engineVersion, since);
  const proxies = host.daemonJson?.model.top.get('proxies')?.value;
  for (const [upper, entry] of Object.entries(PROXY_VARIABLES)) {
    const key = proxyKeyOf(upper);
    if (!/^(http|https|no)-proxy$/.test(key)) continue;
    if (configured) {
      const flag = host.execStart?.command?.flags.filter((f) => f.name === key && f.value).pop();
      if (flag?.value) {
        const file = host.execStart?.file;
        const where = file && flag.word.span ? `${displayName(host, file.uri)}:${lineNumber(file.model.text, flag.word.span.start)}` : l10n.t('the ExecStart= of docker.service');
        out.set(upper, { variable: upper, key, value: flag.value, from: 'flag', where });
        continue;
      }
      const child = proxies?.type === 'object' ? proxies.children?.filter((p) => p.children?.[0]?.value === key).pop()?.children?.[1] : undefined;
      if (child?.type === 'string' && child.value !== '' && host.daemonJson) {
        out.set(upper, { variable: upper, key, value: String(child.value), from: 'daemon.json', where: `${displayName(host, host.daemonJson.uri)}:${lineNumber(host.daemonJson.model.text, child.offset)}` });
        continue;
      }
    }
    for (const name of [upper, entry.lowercase]) {
      const v = host.environment.get(name);
      if (v && v.value !== '') {
        out.set(upper, { variable: upper, key, value: v.value, from: 'environment', where: `${displayName(host, v.file.uri)}:${lineNumber(v.file.model.text, v.offset)}` });
        break;
      }
    }
  }
  return out;
}

/** A hover paragraph: the value dockerd uses for `variable` and where it comes from. */
export function renderEffectiveProxy(s: ProxySource | undefined, variable: string): string {
  if (!s) return l10n.t('**Effective {0} of this Docker host:** not set.', variable);
  const from =
    s.from === 'environment'
      ? l10n.t('the environment ({0} or its lower-case spelling)', s.variable)
      : s.from === 'flag'
        ? l10n.t('the flag --{0}', s.key)
        : l10n.t('"{0}" in daemon.json', s.key);
  return l10n.t('**Effective {0} of this Docker host:** `{1}`, from {2} at {3}.', variable, maskCredentials(s.value), from, s.where);
}
