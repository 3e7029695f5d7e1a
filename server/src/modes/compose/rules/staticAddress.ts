import * as l10n from '@vscode/l10n';
import { atLeast } from '../../../shared/engineVersion';
import { containsIp, parseIp } from '../../../shared/cidr';
import { enableIpv6Fix } from '../codeActions';
import { ENGINE_CHANGES } from '../composeSchema';
import type { ComposeFix, ComposeModel } from '../model';
import { addressing, readValue } from '../networkAddressing';
import type { Problem, Rule } from '../../languageMode';

/**
 * A service's `ipv4_address` / `ipv6_address` against the network's `ipam.config`.
 * The Engine checks this when it connects the container ("invalid endpoint
 * settings"): up to 29.0 the network needs a configured subnet ("user specified IP
 * address is supported only when connecting to networks with user configured
 * subnets"); from 29.1 (moby 84a251d0) any subnet containing the address will do
 * ("no configured subnet contains IP address"). The gateway, the IPv4 network and
 * broadcast addresses and the auxiliary addresses are taken ("Address already in
 * use"); an IPv6 address needs `enable_ipv6`.
 */
export const staticAddress: Rule<ComposeModel, ComposeFix> = (model: ComposeModel, ctx) => {
  const out: Problem<ComposeFix>[] = [];
  const anySubnet = atLeast(ctx.engineVersion, ENGINE_CHANGES.staticIpAnySubnet);
  for (const ref of model.refs) {
    const decls = model.networksByKey.get(ref.network);
    if (!decls) continue;
    const a = addressing(model, decls[decls.length - 1]);
    if (a.external) continue;
    for (const e of ref.configEntries) {
      if (e.key !== 'ipv4_address' && e.key !== 'ipv6_address') continue;
      const v = readValue(e.value);
      const ip = v ? parseIp(v.text) : undefined;
      if (!v || !ip || ip.family !== (e.key === 'ipv4_address' ? 4 : 6)) continue;
      if (ip.family === 6 && a.enableIpv6 !== true && !a.enableIpv6Dynamic) {
        const fix = enableIpv6Fix(model, a.decl);
        out.push({
          range: v.range,
          code: 'ipv6-not-enabled',
          severity: 'error',
          message: l10n.t('Network `{0}` has no IPv6: set `enable_ipv6: true` on it (with an IPv6 subnet) or remove `ipv6_address`.', ref.network),
          fixes: fix && [fix],
        });
        continue;
      }
      if (a.blocks.some((b) => b.dynamic)) continue;
      const family = a.blocks.filter((b) => b.subnet?.cidr?.family === ip.family);
      if (family.length === 0) {
        if (!anySubnet) {
          out.push({
            range: v.range,
            code: 'static-ip-no-subnet',
            severity: 'error',
            message: l10n.t('Network `{0}` has no IPv{1} subnet in `ipam.config`; this Engine accepts a static address only on a network with a configured subnet. Add a subnet containing {2}, or remove `{3}`.', ref.network, ip.family, v.text, e.key),
          });
        }
        continue;
      }
      const home = family.find((b) => containsIp(b.subnet!.cidr!, ip));
      if (!home) {
        out.push({
          range: v.range,
          code: 'static-ip-outside-subnet',
          severity: 'error',
          message: l10n.t('{0} is outside every subnet of network `{1}` ({2}). Use an address inside one of them.', v.text, ref.network, family.map((b) => b.subnet!.cidr!.network).join(', ')),
        });
        continue;
      }
      const c = home.subnet!.cidr!;
      const gateway = home.gateway?.ip;
      const implicitGateway = !home.gateway && ip.value === c.first + 1n;
      if ((gateway && gateway.value === ip.value) || implicitGateway) {
        out.push({ range: v.range, code: 'static-ip-is-gateway', severity: 'error', message: implicitGateway
          ? l10n.t('{0} is the gateway of network `{1}` (the first address, which the Engine takes when no gateway is set). Pick another address.', v.text, ref.network)
          : l10n.t('{0} is the gateway of network `{1}`. Pick another address.', v.text, ref.network) });
      } else if (c.family === 4 && c.prefix < 31 && (ip.value === c.first || ip.value === c.last)) {
        out.push({ range: v.range, code: 'static-ip-reserved', severity: 'error', message: ip.value === c.first
          ? l10n.t('{0} is the network address of {1}. Pick a host address.', v.text, c.network)
          : l10n.t('{0} is the broadcast address of {1}. Pick a host address.', v.text, c.network) });
      } else {
        const aux = home.aux.find((x) => x.ip && x.ip.value === ip.value);
        if (aux) out.push({ range: v.range, code: 'static-ip-reserved', severity: 'error', message: l10n.t('{0} is reserved as auxiliary address `{1}` of network `{2}`. Pick another address.', v.text, aux.name, ref.network) });
      }
    }
  }
  return out;
};
