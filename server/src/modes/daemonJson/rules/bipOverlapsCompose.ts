import * as l10n from '@vscode/l10n';
import { overlaps, parseCidr } from '../../../shared/cidr';
import { loadProject } from '../../compose/project/composeProject';
import { projectSpecs } from '../../compose/project/projectSpecs';
import { lineNumber } from '../../host/hostModel';
import { projectNeeds } from '../../host/poolCapacity';
import { type DaemonJsonProblem, type DaemonJsonRule, stringValue } from '../model';
import { problemAt } from '../problemAt';

/**
 * `bip` (the default bridge's subnet) overlapping the explicit subnet of a network that a
 * Compose project of the workspace creates (#17): the Engine refuses that network ("Pool
 * overlaps with other one on this address space"; verified on a throw-away dockerd by
 * test/integration/hostDockerd.test.ts), so `docker compose up` fails on this host.
 * A path relative to the workspace folder names the Compose file.
 *
 * Reads the workspace, so the per-document memo reruns it on every validation.
 */
export const bipOverlapsCompose: DaemonJsonRule = (model, ctx) => {
  const out: DaemonJsonProblem[] = [];
  const prop = model.top.get('bip');
  const bip = parseCidr(stringValue(prop?.value) ?? '');
  const ws = ctx.workspace;
  if (!prop?.value || !bip || !ws) return out;
  const folder = ws.workspaceFolders?.()[0];
  for (const spec of projectSpecs(ws, ctx)) {
    const project = loadProject(spec, ctx);
    for (const s of projectNeeds(project)?.subnets ?? []) {
      if (!overlaps(bip, s.cidr)) continue;
      const file = folder && s.uri.startsWith(`${folder}/`) ? decodeURIComponent(s.uri.slice(folder.length + 1)) : decodeURIComponent(s.uri.slice(s.uri.lastIndexOf('/') + 1));
      out.push(
        problemAt(
          prop.value,
          'warning',
          'bip-overlaps-compose-subnet',
          l10n.t(
            'The default bridge ({0}) overlaps the subnet {1} of network `{2}` in {3}: the Engine refuses to create that network ("Pool overlaps with other one on this address space"), so `docker compose up` fails there. Move "bip" or that subnet.',
            bip.network,
            s.cidr.network,
            s.network,
            `${file}:${lineNumber(s.text, s.offset)}`,
          ),
        ),
      );
    }
  }
  return out;
};
