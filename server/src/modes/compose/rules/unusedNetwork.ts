import * as l10n from '@vscode/l10n';
import { IMPLICIT_NETWORK } from '../composeSchema';
import { removeNetworkFix } from '../codeActions';
import type { ComposeFix, ComposeRule } from '../model';
import { isNull } from '../yamlNodes';
import { parsedFile } from '../project/composeProject';
import { isOverrideName } from '../project/projectOf';
import { baseName, dirOf } from '../project/projectSpecs';
import type { Problem } from '../../languageMode';

/**
 * A declared network no service of the project joins. Compose accepts it (and creates
 * it only when used), so this is a warning, behind `dockerNetworking.compose.unusedNetworks`.
 * Judged on the merged project (#16): a network of the base used only by the override,
 * or only through `extends`, is used. Not reported while part of the project cannot be
 * read, nor while a service extends a service we cannot read, nor in a file read only
 * as the base of an `extends` (Compose takes no network from it, compose-go
 * `loader/extends.go`). `default` counts as used by every service without `networks`
 * and `network_mode`. Not reported while a service joins a network named by a variable
 * we do not know. A network used by an override of another name beside the project's
 * files (`compose.prod.yaml`, run with `-f`) is used too: the base is written for it.
 */
export const unusedNetwork: ComposeRule = (model, ctx) => {
  const project = ctx.project;
  if (model.incomplete || project.incomplete || ctx.file.via === 'extends') return [];
  if (!ctx.settings.compose.unusedNetworks || project.services.size === 0) return [];
  const used = new Set<string>();
  for (const svc of project.services.values()) {
    if (svc.unknownBase) return [];
    for (const name of svc.networks.keys()) {
      if (name.includes('$')) return []; // a network from a variable we do not know may be any of them
      used.add(name);
    }
    const mode = svc.networkMode?.decl.networkMode;
    if (svc.networks.size === 0 && (!mode || isNull(mode.value))) used.add(IMPLICIT_NETWORK);
  }
  const ws = ctx.workspace;
  if (ws) {
    const dir = dirOf(model.uri);
    for (const uri of ws.list('compose')) {
      // startsWith first: the index's URIs and dirOf's are spelled alike (vscode-uri), and
      // dirOf parses, for every Compose file of the workspace, for each one judged (#21).
      if (!uri.startsWith(dir) || dirOf(uri) !== dir || !isOverrideName(baseName(uri)) || project.files.some((f) => f.uri === uri)) continue;
      for (const ref of parsedFile(ws, uri)?.refs ?? []) used.add(ref.network);
    }
  }
  const out: Problem<ComposeFix>[] = [];
  for (const decl of model.networks) {
    if (used.has(decl.key) || !decl.keyNode.range || decl.key.startsWith('x-')) continue;
    out.push({
      range: [decl.keyNode.range[0], decl.keyNode.range[1]],
      code: 'unused-network',
      severity: 'warning',
      message: project.files.length > 1
        ? l10n.t("No service of the project uses network `{0}`. Add it to a service's `networks`, or remove it.", decl.key)
        : l10n.t("No service uses network `{0}`. Add it to a service's `networks`, or remove it.", decl.key),
      fixes: [removeNetworkFix(model, decl)],
    });
  }
  return out;
};
