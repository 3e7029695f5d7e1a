import * as l10n from '@vscode/l10n';
import type { ComposeFix, ComposeRule, ServiceDecl } from '../model';
import { removeKeyFix } from '../codeActions';
import { interpolate } from '../interpolation';
import { scalarText, type Entry } from '../yamlNodes';
import type { Problem } from '../../languageMode';

/**
 * `network_mode` and `networks` together (compose-go `loader/validate.go`: "service %s
 * declares mutually exclusive `network_mode` and `networks`"), on the merged service:
 * the two may come from different YAML documents, files of the project or `extends`
 * bases (#16). The check is `NetworkMode != "" && len(Networks) > 0`, so an empty
 * `network_mode` (or one whose interpolation default is empty) and an empty or null
 * `networks` pass. Reported in this file at the `network_mode` it sets, else at its
 * `networks`; a fix removes a key only where this file writes it.
 */
export const networkModeWithNetworks: ComposeRule = (model, ctx) => {
  const out: Problem<ComposeFix>[] = [];
  for (const svc of ctx.project.services.values()) {
    const mode = svc.networkMode;
    if (!mode || !mode.decl.networkMode || !setMode(mode.decl.networkMode) || svc.networks.size === 0) continue;
    // The last declaration of this file that writes each key is the one to edit.
    const netsDecl = [...svc.networks.values()]
      .flat()
      .filter((c) => c.file.model === model && c.ref.service.networks?.keyNode.range)
      .map((c) => c.ref.service)
      .pop();
    const modeDecl: ServiceDecl | undefined = mode.file.model === model && mode.decl.networkMode.keyNode.range ? mode.decl : undefined;
    const at = modeDecl ? modeDecl.networkMode! : netsDecl?.networks;
    if (!at?.keyNode.range) continue;
    const fixes: ComposeFix[] = [];
    if (modeDecl) fixes.push(removeKeyFix(model, modeDecl, 'network_mode'));
    if (netsDecl) fixes.push(removeKeyFix(model, netsDecl, 'networks'));
    const r = at.keyNode.range;
    out.push({
      range: [r[0], r[1]],
      code: 'network-mode-with-networks',
      severity: 'error',
      message: ctx.project.files.length > 1 && (!modeDecl || !netsDecl)
        ? l10n.t('Service `{0}` sets both `network_mode` and `networks` (one of them in another file of the project); Compose refuses the pair. Remove one of them.', svc.name)
        : l10n.t('Service `{0}` sets both `network_mode` and `networks`; Compose refuses the pair. Remove one of them.', svc.name),
      fixes,
    });
  }
  return out;
};

/** A network_mode that is not empty (environment-dependent values count as set; null and non-scalars do not). */
function setMode(e: Entry): boolean {
  const text = scalarText(e.value);
  if (text === undefined) return false;
  const v = interpolate(text);
  return v.kind === 'dynamic' || v.text !== '';
}
