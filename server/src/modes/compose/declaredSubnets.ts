import * as l10n from '@vscode/l10n';
import type { DeclaredSubnet } from '../languageMode';
import type { ComposeModel } from './model';
import { addressing } from './networkAddressing';

/** The IPAM subnets of the file's networks, for the subnet map (#20); a subnet from an interpolation default counts as written. */
export function declaredSubnets(model: ComposeModel): DeclaredSubnet[] {
  const out: DeclaredSubnet[] = [];
  for (const decl of model.networks) {
    for (const block of addressing(model, decl).blocks) {
      if (block.subnet) out.push({ subnet: block.subnet.text, what: l10n.t('network `{0}`', decl.key), range: block.subnet.range });
    }
  }
  return out;
}
