import * as l10n from '@vscode/l10n';
import type { DeclaredSubnet } from '../languageMode';
import { type DaemonJsonModel, properties, stringValue, topValue } from './model';

/** The subnets a daemon.json gives dockerd, for the subnet map (#20): the bridge's `bip`, `fixed-cidr`, and each pool's base. */
export function declaredSubnets(model: DaemonJsonModel): DeclaredSubnet[] {
  const out: DeclaredSubnet[] = [];
  for (const key of ['bip', 'fixed-cidr', 'bip6', 'fixed-cidr-v6']) {
    const node = topValue(model, key);
    const text = stringValue(node);
    if (node && text) out.push({ subnet: text, what: key, range: [node.offset, node.offset + node.length] });
  }
  for (const pool of topValue(model, 'default-address-pools')?.children ?? []) {
    const props = properties(pool);
    const base = props.find((p) => p.name === 'base')?.value;
    const size = props.find((p) => p.name === 'size')?.value;
    const text = stringValue(base);
    if (base && text) out.push({ subnet: text, what: typeof size?.value === 'number' ? l10n.t('address pool (subnets of /{0})', size.value) : l10n.t('address pool'), range: [base.offset, base.offset + base.length] });
  }
  return out;
}
