import * as l10n from '@vscode/l10n';
import { isMap } from 'yaml';
import type { ComposeFix, ComposeModel } from '../model';
import { entry, mapEntries, scalarText } from '../yamlNodes';
import type { Problem, Rule } from '../../languageMode';

/**
 * `external: {name: X}` is the deprecated form (compose-go `transform/external.go`,
 * `loader/normalize.go`): a warning, and an error when `name` says something else
 * ("name and external.name conflict; only use name").
 */
export const externalName: Rule<ComposeModel, ComposeFix> = (model: ComposeModel) => {
  const out: Problem<ComposeFix>[] = [];
  for (const decl of model.networks) {
    const ext = entry(decl.entries, 'external');
    if (!ext || !isMap(ext.value)) continue;
    const inner = entry(mapEntries(decl.doc, ext.value), 'name');
    if (!inner?.keyNode.range) continue;
    const extName = scalarText(inner.value);
    const name = scalarText(entry(decl.entries, 'name')?.value ?? null);
    const range: [number, number] = [inner.keyNode.range[0], inner.keyNode.range[1]];
    if (name !== undefined && extName !== undefined && name !== extName) {
      out.push({ range, code: 'external-name-conflict', severity: 'error', message: l10n.t('`external.name` ("{0}") conflicts with `name` ("{1}"); Compose refuses this. Keep only `name` and write `external: true`.', extName, name) });
    } else {
      out.push({ range, code: 'deprecated-external-name', severity: 'warning', message: l10n.t('`external.name` is deprecated: write `name: …` on the network and `external: true`.') });
    }
  }
  return out;
};
