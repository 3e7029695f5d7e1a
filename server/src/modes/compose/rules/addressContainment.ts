import * as l10n from '@vscode/l10n';
import { atLeast } from '../../../shared/engineVersion';
import { blockSize, containsCidr, containsIp, ipText } from '../../../shared/cidr';
import { ENGINE_CHANGES } from '../composeSchema';
import { replaceValueFix } from '../codeActions';
import type { ComposeFix, ComposeModel } from '../model';
import { addressing } from '../networkAddressing';
import type { Problem, Rule } from '../../languageMode';

/**
 * Addresses of one `ipam.config` entry against its subnet. Gateway and auxiliary
 * addresses outside the subnet are refused by every Engine ("failed to allocate
 * gateway (…): Requested address is out of range" on 20.10; validateIpamConfig on
 * 25.0+). A gateway on the IPv4 network or broadcast address is refused too
 * ("Address already in use", 20.10, verified). `ip_range` outside or larger than the
 * subnet is refused from Engine 25.0 and silently accepted (then misused) before.
 */
export const addressContainment: Rule<ComposeModel, ComposeFix> = (model: ComposeModel, ctx) => {
  const out: Problem<ComposeFix>[] = [];
  const strict = atLeast(ctx.engineVersion, ENGINE_CHANGES.ipamValidation);
  for (const decl of model.networks) {
    const a = addressing(model, decl);
    // An external network's ipam is never used (externalWithCreationProps says so).
    if (a.external) continue;
    for (const [index, b] of a.blocks.entries()) {
      const subnet = b.subnet?.cidr;
      if (!subnet) continue;
      const net = subnet.network;
      const g = b.gateway;
      if (g?.ip) {
        // The address the messages suggest (the first host address, the Engine's own choice
        // when no gateway is given) is offered as a fix too (#20), unless it is not a host
        // address of the subnet (a /31 or /32) or the value comes from a variable's
        // default (replacing it would drop the variable).
        const suggestion = ipText(subnet.first + 1n, subnet.family);
        const fixes = (): ComposeFix[] =>
          g.fromDefault || subnet.first + 1n > subnet.last
            ? []
            : [replaceValueFix(model, model.docs.indexOf(decl.doc), ['networks', decl.key, 'ipam', 'config', index, 'gateway'], g.node, suggestion, l10n.t('Use gateway {0}', suggestion))];
        if (!containsIp(subnet, g.ip)) {
          out.push({ range: g.range, code: 'gateway-outside-subnet', severity: 'error', message: l10n.t('Gateway {0} is outside subnet {1}. Use an address inside it, like {2}.', g.text, net, suggestion), fixes: fixes() });
        } else if (subnet.family === 4 && subnet.prefix < 31 && (g.ip.value === subnet.first || g.ip.value === subnet.last)) {
          out.push({ range: g.range, code: 'gateway-reserved', severity: 'error', message: g.ip.value === subnet.first
            ? l10n.t('Gateway {0} is the network address of {1}; the Engine refuses it. Use a host address, like {2}.', g.text, net, suggestion)
            : l10n.t('Gateway {0} is the broadcast address of {1}; the Engine refuses it. Use a host address, like {2}.', g.text, net, suggestion), fixes: fixes() });
        }
      }
      const r = b.ipRange;
      if (r?.cidr) {
        if (r.cidr.family !== subnet.family || !containsCidr(subnet, r.cidr)) {
          const bigger = r.cidr.family === subnet.family && blockSize(r.cidr) > blockSize(subnet);
          out.push({
            range: r.range,
            code: bigger ? 'ip-range-too-large' : 'ip-range-outside-subnet',
            severity: strict ? 'error' : 'warning',
            message: bigger
              ? strict
                ? l10n.t('`ip_range` {0} is larger than its subnet {1}; the Engine refuses it. Use a block inside the subnet, or drop `ip_range`.', r.text, net)
                : l10n.t('`ip_range` {0} is larger than its subnet {1}; Engine 25.0 and later refuse it. Use a block inside the subnet, or drop `ip_range`.', r.text, net)
              : strict
                ? l10n.t('`ip_range` {0} is not inside subnet {1}; the Engine refuses it. Use a block inside the subnet.', r.text, net)
                : l10n.t('`ip_range` {0} is not inside subnet {1}; Engine 25.0 and later refuse it. Use a block inside the subnet.', r.text, net),
          });
        }
      }
      for (const a of b.aux) {
        if (a.ip && !containsIp(subnet, a.ip)) {
          out.push({ range: a.range, code: 'aux-address-outside-subnet', severity: 'error', message: l10n.t('Auxiliary address `{0}` ({1}) is outside subnet {2}; the Engine refuses the network. Use an address inside it.', a.name, a.text, net) });
        }
      }
    }
  }
  return out;
};
