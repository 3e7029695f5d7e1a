import * as l10n from '@vscode/l10n';
import { isMap } from 'yaml';
import { removeKeyFix } from '../codeActions';
import type { ComposeFix, ComposeModel } from '../model';
import { readValue } from '../networkAddressing';
import { entry } from '../yamlNodes';
import type { Problem, Rule } from '../../languageMode';

/**
 * Service-level `mac_address` and a per-network `mac_address` that differ: docker
 * compose refuses ("the service-level mac_address should have the same value as
 * network %s", docker/compose pkg/compose/create.go).
 */
export const macAddressMismatch: Rule<ComposeModel, ComposeFix> = (model: ComposeModel) => {
  const out: Problem<ComposeFix>[] = [];
  for (const ref of model.refs) {
    const own = readValue(entry(ref.configEntries, 'mac_address')?.value ?? null);
    if (!own) continue;
    for (const svc of model.servicesByName.get(ref.service.name) ?? []) {
      const e = entry(svc.entries, 'mac_address');
      const top = e && !isMap(e.value) ? readValue(e.value) : undefined;
      if (!top || top.text.toLowerCase() === own.text.toLowerCase()) continue;
      out.push({
        range: own.range,
        code: 'mac-address-mismatch',
        severity: 'error',
        message: l10n.t('Service `{0}` sets `mac_address` {1} at service level but {2} on network `{3}`; Compose refuses the pair. Keep only the per-network one.', ref.service.name, top.text, own.text, ref.network),
        // The service-level one goes, as the message says; not safe for `check --fix`: which of
        // the two addresses was meant is the user's choice.
        fixes: [removeKeyFix(model, svc, 'mac_address', l10n.t('Remove the service-level `mac_address`'))],
      });
      break;
    }
  }
  return out;
};
