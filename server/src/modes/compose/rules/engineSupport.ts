import * as l10n from '@vscode/l10n';
import { atLeast, formatEngineVersion } from '../../../shared/engineVersion';
import { property, type DefinitionName } from '../composeSchema';
import type { ComposeFix, ComposeModel } from '../model';
import type { Entry } from '../yamlNodes';
import type { Problem, Rule } from '../../languageMode';

/**
 * Properties newer than the target Engine (x-engine-min in the schema): an error when
 * docker compose refuses them on that Engine (interface_name, "interface_name requires
 * Docker Engine v28.1 or later"), a warning when the Engine silently ignores them.
 * The target is `dockerNetworking.engineVersion` (else the connected Engine, else the
 * newest known release, where nothing is too new).
 */
export const engineSupport: Rule<ComposeModel, ComposeFix> = (model: ComposeModel, ctx) => {
  const out: Problem<ComposeFix>[] = [];
  const check = (def: DefinitionName, entries: Entry[]): void => {
    for (const e of entries) {
      const min = property(def, e.key)?.['x-engine-min'];
      if (!min || atLeast(ctx.engineVersion, min.version) || !e.keyNode.range) continue;
      out.push({
        range: [e.keyNode.range[0], e.keyNode.range[1]],
        code: 'needs-newer-engine',
        severity: min.severity,
        message: l10n.t('`{0}` needs Docker Engine {1} or later (target: {2}): {3}. Upgrade the Engine or remove `{4}`.', e.key, min.version, formatEngineVersion(ctx.engineVersion), min.effect, e.key),
      });
    }
  };
  for (const decl of model.networks) check('network', decl.entries);
  for (const ref of model.refs) check('serviceNetwork', ref.configEntries);
  return out;
};
