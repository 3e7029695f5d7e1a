import * as l10n from '@vscode/l10n';
import { sentences } from '../../localized';
import { isMap } from 'yaml';
import { atLeast } from '../../../shared/engineVersion';
import { parseCidr, parseIp } from '../../../shared/cidr';
import { replaceValueFix } from '../codeActions';
import { ENGINE_CHANGES } from '../composeSchema';
import type { ComposeFix, ComposeModel } from '../model';
import { addressing, readValue, type AddressValue } from '../networkAddressing';
import { entry, scalarText, seqItems } from '../yamlNodes';
import type { Problem, Rule } from '../../languageMode';

/**
 * Address text: CIDR and IP syntax as Go's net/netip reads it (docker/compose parses
 * with netip before calling the Engine: "invalid subnet", "invalid gateway address",
 * "invalid IPv4 address", …), host bits in `subnet` / `ip_range` (refused since Engine
 * 25.0 by moby daemon/network.go validateIpamConfig "invalid subnet %s: it should be
 * %s"; Engine 20.10 accepts them as written, verified), and MAC addresses.
 */
export const addressSyntax: Rule<ComposeModel, ComposeFix> = (model: ComposeModel, ctx) => {
  const out: Problem<ComposeFix>[] = [];
  const strict = atLeast(ctx.engineVersion, ENGINE_CHANGES.ipamValidation);
  const note = (v: AddressValue): string => (v.fromDefault ? l10n.t(' (the default "{0}")', v.text) : '');
  for (const decl of model.networks) {
    const a = addressing(model, decl);
    // An external network's ipam is never used (externalWithCreationProps says so).
    if (a.external) continue;
    for (const [index, b] of a.blocks.entries()) {
      for (const [key, v] of [['subnet', b.subnet], ['ip_range', b.ipRange]] as const) {
        if (!v) continue;
        if (!v.cidr) {
          out.push({ range: v.range, code: 'invalid-cidr', severity: 'error', message: l10n.t('`{0}`{1} is not a CIDR block. Write an address and a prefix length, like `172.28.0.0/16`.', key, note(v)) });
        } else if (v.cidr.hostBitsSet) {
          out.push({
            range: v.range,
            code: key === 'subnet' ? 'subnet-host-bits' : 'ip-range-host-bits',
            severity: strict ? 'error' : 'warning',
            message: strict
              ? l10n.t('`{0}` {1} has host bits set; the Engine refuses it. Write `{2}`.', key, v.text, v.cidr.network)
              : l10n.t('`{0}` {1} has host bits set; newer Engines refuse it. Write `{2}`.', key, v.text, v.cidr.network),
            fixes: [replaceValueFix(model, model.docs.indexOf(decl.doc), ['networks', decl.key, 'ipam', 'config', index, key], v.node, v.cidr.network, l10n.t('Write {0}', v.cidr.network))],
          });
        }
      }
      if (b.gateway && !b.gateway.ip) {
        out.push({ range: b.gateway.range, code: 'invalid-ip', severity: 'error', message: l10n.t('`gateway`{0} is not an IP address. Write one address without a prefix, like `172.28.0.1`.', note(b.gateway)) });
      }
      for (const a of b.aux) {
        if (!a.ip) out.push({ range: a.range, code: 'invalid-ip', severity: 'error', message: l10n.t('Auxiliary address `{0}`{1} is not an IP address. Write one address, like `172.28.1.5`.', a.name, note(a)) });
      }
    }
  }
  for (const ref of model.refs) {
    for (const e of ref.configEntries) {
      if (e.key === 'ipv4_address' || e.key === 'ipv6_address') {
        const v = readValue(e.value);
        if (!v || v.text === '') continue;
        const ip = parseIp(v.text);
        const want = e.key === 'ipv4_address' ? 4 : 6;
        if (!ip || ip.family !== want) {
          const cidr = parseCidr(v.text);
          const hint = cidr ? l10n.t('Drop the prefix length: `{0}`.', cidr.address.text) : want === 4 ? l10n.t('Write four decimal numbers, like `172.28.0.10`.') : l10n.t('Write an IPv6 address, like `fd00::10`.');
          const notIp = v.fromDefault
            ? l10n.t('`{0}` "{1}" (the default) is not an IPv{2} address.', e.key, v.text, want)
            : l10n.t('`{0}` "{1}" is not an IPv{2} address.', e.key, v.text, want);
          out.push({ range: v.range, code: 'invalid-ip', severity: 'error', message: sentences(notIp, hint) });
        }
      } else if (e.key === 'link_local_ips') {
        for (const item of seqItems(ref.service.doc, e.value)) {
          const v = readValue(item);
          if (v && !parseIp(v.text)) out.push({ range: v.range, code: 'invalid-ip', severity: 'error', message: l10n.t('Link-local address "{0}" is not an IP address. Write one like `169.254.10.10` or `fe80::10`.', v.text) });
        }
      } else if (e.key === 'mac_address') {
        const v = readValue(e.value);
        if (v && !isMac(v.text)) {
          out.push({ range: v.range, code: 'invalid-mac', severity: 'error', message: l10n.t('`mac_address` "{0}" is not a MAC address. Write six hex pairs separated by colons, like `02:42:ac:11:00:02`.', v.text) });
        }
      }
    }
  }
  // Service-level mac_address has the same syntax.
  for (const svc of model.services) {
    const e = entry(svc.entries, 'mac_address');
    const v = e && !isMap(e.value) ? readValue(e.value) : undefined;
    if (v && scalarText(e!.value) !== undefined && !isMac(v.text)) {
      out.push({ range: v.range, code: 'invalid-mac', severity: 'error', message: l10n.t('`mac_address` "{0}" is not a MAC address. Write six hex pairs separated by colons, like `02:42:ac:11:00:02`.', v.text) });
    }
  }
  return out;
};

/**
 * The 48-bit forms Go's net.ParseMAC reads (`01:23:45:67:89:ab`, `01-23-45-67-89-ab`,
 * `0123.4567.89ab`); the Engine needs an Ethernet (6-byte) address.
 */
export function isMac(text: string): boolean {
  return /^[0-9a-fA-F]{2}([:-])[0-9a-fA-F]{2}(\1[0-9a-fA-F]{2}){4}$/.test(text) || /^[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}$/.test(text);
}
