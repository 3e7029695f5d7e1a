import * as l10n from '@vscode/l10n';
import { IMPLICIT_NETWORK } from '../composeSchema';
import type { ComposeFix, ComposeRule, NetworkRef } from '../model';
import { sentences } from '../../localized';
import { didYouMean } from '../../suggest';
import { declareNetworkFixes } from '../codeActions';
import type { Problem } from '../../languageMode';

/**
 * A service joins a network the project declares nowhere (compose-go `loader/validate.go`
 * checkConsistency: "service %q refers to undefined network %s"), judged on the merged
 * project (#16): a network an override uses and its base declares is fine; only the
 * networks a service keeps after merging (`!reset` drops, `extends` brings) count, and
 * each is reported where it is written in this file. Nothing is reported while part of
 * the project cannot be read. `default` is implicit.
 */
export const undefinedNetwork: ComposeRule = (model, ctx) => {
  const project = ctx.project;
  if (model.incomplete || project.incomplete) return [];
  const out: Problem<ComposeFix>[] = [];
  const declared = [...project.networks.keys()];
  // One anchored list merged into several services is one place in the text: group by position.
  const byPlace = new Map<string, { ref: NetworkRef; network: string; services: string[] }>();
  for (const svc of project.services.values()) {
    for (const [network, contributions] of svc.networks) {
      if (network === IMPLICIT_NETWORK || project.networks.has(network)) continue;
      if (network.includes('$')) continue; // a variable we do not know: the environment at `up` decides
      for (const { file, ref } of contributions) {
        if (file.model !== model || !ref.node.range) continue;
        const place = `${ref.node.range[0]}:${network}`;
        const hit = byPlace.get(place);
        if (hit) {
          if (!hit.services.includes(svc.name)) hit.services.push(svc.name);
        } else byPlace.set(place, { ref, network, services: [svc.name] });
      }
    }
  }
  // A network only an `extends` base joins is reported in that base's file, and here on
  // the `extends` that brings it: the project's own file is where it must be declared.
  const viaExtends = new Map<string, { at: [number, number]; service: string; networks: string[] }>();
  for (const svc of project.services.values()) {
    for (const [network, contributions] of svc.networks) {
      if (network === IMPLICIT_NETWORK || project.networks.has(network) || network.includes('$')) continue;
      if (contributions.some((c) => c.file.model === model) || !contributions.every((c) => c.file.via === 'extends')) continue;
      for (const { file, decl } of svc.layers) {
        const ext = file.model === model ? decl.entries.find((e) => e.key === 'extends') : undefined;
        const r = ext?.keyNode.range;
        if (!r) continue;
        const place = `${r[0]}`;
        const hit = viaExtends.get(place) ?? { at: [r[0], r[1]] as [number, number], service: svc.name, networks: [] };
        if (!hit.networks.includes(network)) hit.networks.push(network);
        viaExtends.set(place, hit);
      }
    }
  }
  for (const { at, service, networks } of viaExtends.values()) {
    const list = networks.map((n) => `\`${n}\``).join(', ');
    out.push({
      range: at,
      code: 'undefined-network',
      severity: 'error',
      message: networks.length > 1
        ? l10n.t('Service `{0}` joins networks {1} through `extends`, which no file of the project declares (an extended file brings its service, not its networks). Declare them under the top-level `networks` here.', service, list)
        : l10n.t('Service `{0}` joins network {1} through `extends`, which no file of the project declares (an extended file brings its service, not its networks). Declare it under the top-level `networks` here.', service, list),
      fixes: networks.flatMap((n) => declareNetworkFixes(n)),
    });
  }
  const several = project.files.length > 1;
  for (const { ref, network, services } of byPlace.values()) {
    const guess = didYouMean(network, declared);
    const names = services.map((s) => `\`${s}\``).join(', ');
    const net = network !== ref.network ? `\`${network}\` (\`${ref.network}\`)` : `\`${network}\``;
    const undeclared = services.length === 1
      ? several
        ? l10n.t('Service {0} uses network {1}, which is not declared under the top-level `networks` of any file of the project.', names, net)
        : l10n.t('Service {0} uses network {1}, which is not declared under the top-level `networks`.', names, net)
      : several
        ? l10n.t('Services {0} use network {1}, which is not declared under the top-level `networks` of any file of the project.', names, net)
        : l10n.t('Services {0} use network {1}, which is not declared under the top-level `networks`.', names, net);
    out.push({
      range: [ref.node.range![0], ref.node.range![1]],
      code: 'undefined-network',
      severity: 'error',
      message: sentences(undeclared, guess ? l10n.t('Did you mean `{0}`?', guess) : '', l10n.t('Declare it (with `external: true` if it already exists).')),
      fixes: declareNetworkFixes(network),
    });
  }
  return out;
};
