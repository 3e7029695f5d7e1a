import * as l10n from '@vscode/l10n';
import type { ComposeFix, ComposeRule } from '../model';
import { addressing, type NetworkAddressing } from '../networkAddressing';
import { engineName } from '../project/composeProject';
import { baseName } from '../project/projectSpecs';
import { entry } from '../yamlNodes';
import type { Problem } from '../../languageMode';

/** What decides how the Engine creates a network: driver, subnets, IPv6. */
function settings(a: NetworkAddressing): string {
  return JSON.stringify([a.driver ?? 'bridge', a.blocks.map((b) => [b.subnet?.text, b.ipRange?.text, b.gateway?.text]), a.enableIpv6 ?? false]);
}

/**
 * Two projects that declare a network of the same explicit `name:` with different
 * settings (#16): whichever project runs `up` first creates it, and the other gets the
 * first one's network, not its own settings (Compose reuses a network it finds by name).
 * A warning on this file's `name:`. An external declaration takes the network as it is:
 * no conflict.
 */
export const sameNameDifferentSettings: ComposeRule = (model, ctx) => {
  const out: Problem<ComposeFix>[] = [];
  for (const decl of model.networks) {
    const nameEntry = entry(decl.entries, 'name');
    if (!nameEntry?.value?.range) continue;
    const a = addressing(model, decl);
    const name = engineName(ctx.project, ctx.file, decl, a.external);
    if (a.external || name === undefined) continue;
    hunt: for (const other of ctx.otherProjects()) {
      for (const [key, decls] of other.networks) {
        const last = decls[decls.length - 1];
        const b = addressing(last.file.model, last.decl);
        if (b.external || engineName(other, last.file, last.decl, false) !== name || settings(a) === settings(b)) continue;
        out.push({
          range: [nameEntry.value.range[0], nameEntry.value.range[1]],
          code: 'same-network-name-different-settings',
          severity: 'warning',
          message: l10n.t('Project `{0}` also declares network `{1}` (as `{2}`) with other settings; the project that runs `up` first creates it, and the other uses it as it is. Give both the same settings, or mark one `external: true`.', other.name ?? baseName(other.dir), name, key),
        });
        break hunt;
      }
    }
  }
  return out;
};
