import * as l10n from '@vscode/l10n';
import { property } from '../composeSchema';
import type { ComposeFix, ComposeModel } from '../model';
import { addressing } from '../networkAddressing';
import type { Problem, Rule } from '../../languageMode';

/**
 * An external network is looked up, never created, so the properties Compose only
 * uses to create a network (x-creation in the schema: driver, ipam, …) have no effect.
 * compose-go v2 accepts them silently (its checkExternal is wired for volumes only),
 * so this is a warning, not an error.
 */
export const externalWithCreationProps: Rule<ComposeModel, ComposeFix> = (model: ComposeModel) => {
  const out: Problem<ComposeFix>[] = [];
  for (const decl of model.networks) {
    if (!addressing(model, decl).external) continue;
    for (const e of decl.entries) {
      if (!property('network', e.key)?.['x-creation'] || !e.keyNode.range) continue;
      out.push({
        range: [e.keyNode.range[0], e.keyNode.range[1]],
        code: 'external-with-creation-property',
        severity: 'warning',
        message: l10n.t('`{0}` is ignored: network `{1}` is external, so Compose uses it as it exists. Remove `{2}`, or drop `external` to let Compose create the network.', e.key, decl.key, e.key),
      });
    }
  }
  return out;
};
