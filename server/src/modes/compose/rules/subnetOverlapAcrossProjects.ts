import * as l10n from '@vscode/l10n';
import { overlaps } from '../../../shared/cidr';
import type { ComposeFix, ComposeRule } from '../model';
import { addressing } from '../networkAddressing';
import { engineName } from '../project/composeProject';
import { baseName } from '../project/projectSpecs';
import type { Problem } from '../../languageMode';

/**
 * A subnet of this file that overlaps a subnet of another project of the workspace:
 * each project is accepted alone, but on one Engine the second `up` fails ("Pool
 * overlaps with other one on this address space", libnetwork ipam). A warning, since
 * the two may never run on the same Engine; each project's file reports its own line
 * (#16). A network both projects name alike (`name:`) is one network, not an overlap.
 */
export const subnetOverlapAcrossProjects: ComposeRule = (model, ctx) => {
  const mine = model.networks.flatMap((decl) => {
    const a = addressing(model, decl);
    return a.external ? [] : a.blocks.filter((b) => b.subnet?.cidr).map((b) => ({ decl, block: b, name: engineName(ctx.project, ctx.file, decl, false) }));
  });
  if (!mine.length) return [];
  const out: Problem<ComposeFix>[] = [];
  for (const m of mine) {
    hunt: for (const other of ctx.otherProjects()) {
      for (const [key, decls] of other.networks) {
        const last = decls[decls.length - 1];
        const a = addressing(last.file.model, last.decl);
        if (a.external || engineName(other, last.file, last.decl, false) === m.name) continue;
        const hit = a.blocks.find((b) => b.subnet?.cidr && overlaps(b.subnet.cidr, m.block.subnet!.cidr!));
        if (!hit) continue;
        out.push({
          range: m.block.subnet!.range,
          code: 'subnet-overlaps-other-project',
          severity: 'warning',
          message: l10n.t('Subnet {0} of network `{1}` overlaps {2} of network `{3}` in project `{4}`; on one Engine, the second `up` fails. Pick blocks that do not overlap.', m.block.subnet!.cidr!.network, m.decl.key, hit.subnet!.cidr!.network, key, other.name ?? baseName(other.dir)),
        });
        break hunt;
      }
    }
  }
  return out;
};
