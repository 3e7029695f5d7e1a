import * as l10n from '@vscode/l10n';
import { PREDEFINED_NETWORKS } from '../composeSchema';
import type { ComposeFix, ComposeModel } from '../model';
import { addressing, readValue } from '../networkAddressing';
import { entry } from '../yamlNodes';
import type { Problem, Rule } from '../../languageMode';

/**
 * A network Compose would create under the name of a predefined one (`name: host`):
 * the Engine refuses with "operation is not permitted on predefined host network"
 * (HTTP 403). To join the predefined network, declare it external.
 */
export const predefinedNetworkName: Rule<ComposeModel, ComposeFix> = (model: ComposeModel) => {
  const out: Problem<ComposeFix>[] = [];
  for (const decl of model.networks) {
    if (addressing(model, decl).external) continue;
    const name = readValue(entry(decl.entries, 'name')?.value ?? null);
    if (!name || !PREDEFINED_NETWORKS.includes(name.text)) continue;
    out.push({
      range: name.range,
      code: 'predefined-network-name',
      severity: 'error',
      message: l10n.t('`{0}` is a predefined network that the Engine will not create again. Add `external: true` to use it, or pick another name.', name.text),
    });
  }
  return out;
};
