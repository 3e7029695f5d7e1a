import * as l10n from '@vscode/l10n';
import { sentences } from '../../localized';
import { containsCidr, containsIp, overlaps, type ParsedCidr, parseCidr, parseIp } from '../../../shared/cidr';
import { type DaemonJsonFix, type DaemonJsonProblem, type DaemonJsonRule, stringValue, topValue } from '../model';
import { problemAt } from '../problemAt';
import { target } from '../target';
import { refuses } from '../valueRules';

/**
 * The default bridge's addresses (moby daemon_unix.go initBridgeDriver, libnetwork
 * bridge; docker-facts §2.6; runs on 20.10): `bip` is the bridge's own address *with*
 * its prefix length, so neither a bare IP nor the network address itself works;
 * `fixed-cidr` and `default-gateway` belong inside it; `fixed-cidr-v6` must be an IPv6
 * block that is neither link-local nor multicast.
 */
export const bridgeAddresses: DaemonJsonRule = (model, ctx) => {
  const t = target(ctx);
  const out: DaemonJsonProblem[] = [];
  let bip: ReturnType<typeof parseCidr>;
  for (const [key, family] of [['bip', 4], ['bip6', 6]] as const) {
    const node = topValue(model, key);
    const value = stringValue(node);
    if (!node || !value) continue;
    const c = parseCidr(value);
    if (!c) {
      const withPrefix = parseIp(value) ? `${value}/${family === 4 ? 24 : 64}` : undefined;
      const hint = withPrefix ? l10n.t('Add the prefix length, e.g. "{0}".', withPrefix) : '';
      // The message names the fix, so the light bulb offers it (#20); the length is a guess, hence not `safe`.
      const fixes: DaemonJsonFix[] = withPrefix ? [{ kind: 'replaceValue', path: [key], from: value, to: withPrefix, title: l10n.t('Add the prefix length: "{0}"', withPrefix) }] : [];
      out.push(problemAt(node, 'error', 'invalid-cidr', sentences(l10n.t('"{0}" is not an address with prefix length: dockerd refuses to start.', value), hint), fixes));
      continue;
    }
    if (c.family !== family) {
      out.push(problemAt(node, 'error', 'invalid-cidr', l10n.t('"{0}" needs an IPv{1} address, not "{2}".', key, family, value)));
      continue;
    }
    if (!c.hostBitsSet && c.prefix < (family === 4 ? 31 : 127)) {
      const own = c.network.replace(/0\/(\d+)$/, '1/$1');
      const fixes: DaemonJsonFix[] = own !== c.network ? [{ kind: 'replaceValue', path: [key], from: value, to: own, title: l10n.t('Use the bridge address "{0}"', own) }] : [];
      out.push(problemAt(node, 'error', 'bip-network-address', l10n.t('"{0}" is the network address; the bridge cannot use it and dockerd refuses to start. Give the bridge\'s own address, e.g. "{1}".', value, own), fixes));
    }
    if (key === 'bip') bip = c;
  }
  const fixed = topValue(model, 'fixed-cidr');
  const fixedText = stringValue(fixed);
  if (fixed && fixedText) {
    const c = parseCidr(fixedText);
    if (!c || c.family !== 4) out.push(problemAt(fixed, 'error', 'invalid-cidr', l10n.t('"{0}" is not an IPv4 CIDR block: dockerd refuses to start.', fixedText)));
    else if (bip && !containsCidr(bip, c)) out.push(problemAt(fixed, 'warning', 'fixed-cidr-outside-bip', l10n.t('fixed-cidr {0} lies outside the bridge subnet {1} (from "bip"); containers would get addresses the bridge cannot route. Choose a block inside {2}.', c.network, bip.network, bip.network)));
  }
  const gw = topValue(model, 'default-gateway');
  const gwIp = parseIp(stringValue(gw) ?? '');
  if (gw && gwIp && bip && !containsIp(bip, gwIp)) {
    out.push(problemAt(gw, 'error', 'gateway-outside-bip', l10n.t('default-gateway {0} is outside the bridge subnet {1}: dockerd refuses to start. Pick an address inside it.', gwIp.text, bip.network)));
  }
  const v6 = topValue(model, 'fixed-cidr-v6');
  const v6Text = stringValue(v6);
  if (v6 && v6Text) {
    const c = parseCidr(v6Text);
    if (!c || c.family !== 6) {
      out.push(problemAt(v6, 'error', 'invalid-cidr', l10n.t('"{0}" is not an IPv6 CIDR block: dockerd refuses to start.', v6Text)));
    } else {
      const bad = fixedCidrV6Problem(c);
      if (bad) {
        const err = refuses(bad.check, t.version);
        out.push(problemAt(v6, err ? 'error' : 'warning', 'invalid-fixed-cidr-v6', err
          ? l10n.t('fixed-cidr-v6 {0} is {1}: dockerd refuses to start. Use a global or unique-local block such as fd00:…/64.', c.network, bad.what)
          : l10n.t('fixed-cidr-v6 {0} is {1}; Engine {2} accepts it but newer Engines refuse it. Use a global or unique-local block such as fd00:…/64.', c.network, bad.what, t.versionText)));
      }
    }
    const ipv6 = topValue(model, 'ipv6');
    if (!ipv6 || ipv6.value !== true) out.push(problemAt(v6, 'warning', 'fixed-cidr-v6-without-ipv6', l10n.t('fixed-cidr-v6 has no effect unless "ipv6": true is set.')));
  }
  return out;
};

const LINK_LOCAL = parseCidr('fe80::/64')!;
const MULTICAST = parseCidr('ff00::/8')!;

/**
 * What moby's bridge.ValidateFixedCIDRV6 holds against an IPv6 block, and the check of
 * schemas/daemonValueRules.json that says from which Engine on it refuses the start.
 * fe80::/64 itself is accepted by every release. 25.0–26.x only refuse a block whose
 * network address lies in fe80::/64 with another prefix length; 27.0 refuses any other
 * overlap with fe80::/64 and multicast blocks too.
 */
function fixedCidrV6Problem(c: ParsedCidr): { what: string; check: string } | undefined {
  if (c.first === LINK_LOCAL.first && c.last === LINK_LOCAL.last) return undefined;
  if (containsCidr(MULTICAST, c)) return { what: l10n.t('a multicast block'), check: 'fixed-cidr-v6-overlap-multicast' };
  if (!overlaps(LINK_LOCAL, c)) return undefined;
  const what = l10n.t('overlapping the link-local prefix fe80::/64');
  return { what, check: c.first >= LINK_LOCAL.first && c.first <= LINK_LOCAL.last ? 'fixed-cidr-v6-link-local' : 'fixed-cidr-v6-overlap-multicast' };
}
