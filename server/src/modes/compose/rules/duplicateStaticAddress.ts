import * as l10n from '@vscode/l10n';
import { parseIp } from '../../../shared/cidr';
import type { ComposeFix, ComposeModel } from '../model';
import { readValue, type AddressValue } from '../networkAddressing';
import type { Problem, Rule } from '../../languageMode';

/**
 * The same static address for two services on one network: the second container
 * fails to connect ("Address already in use"). Every occurrence is reported.
 */
export const duplicateStaticAddress: Rule<ComposeModel, ComposeFix> = (model: ComposeModel) => {
  const seen = new Map<string, { service: string; v: AddressValue }[]>();
  for (const ref of model.refs) {
    for (const e of ref.configEntries) {
      if (e.key !== 'ipv4_address' && e.key !== 'ipv6_address') continue;
      const v = readValue(e.value);
      const ip = v && parseIp(v.text);
      if (!v || !ip) continue;
      const key = `${ref.network}\u0000${ip.text}`;
      const list = seen.get(key) ?? [];
      // One anchored mapping merged into two services is one text position: report it once.
      if (!list.some((x) => x.service === ref.service.name)) list.push({ service: ref.service.name, v });
      seen.set(key, list);
    }
  }
  const out: Problem<ComposeFix>[] = [];
  for (const [key, list] of seen) {
    if (list.length < 2) continue;
    const network = key.split('\u0000')[0];
    for (const { service, v } of list) {
      const others = list.filter((x) => x.service !== service).map((x) => `\`${x.service}\``);
      out.push({ range: v.range, code: 'duplicate-static-ip', severity: 'error', message: l10n.t('{0} on network `{1}` is also given to {2}; only one container can have it. Give each service its own address.', v.text, network, others.join(', ')) });
    }
  }
  return out;
};
