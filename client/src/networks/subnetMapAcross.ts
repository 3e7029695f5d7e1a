import * as l10n from '@vscode/l10n';
import { overlaps, parseCidr } from '../../../server/src/shared/cidr';
import type { NetworkRecord } from './networkRecords';
import { isBuiltin, subnetsOf } from './networkTreeModel';

/**
 * The subnet map across Engines (#22): the same private range used on two hosts is no
 * error (each Engine's networks are its own), but worth a look when the hosts route to each
 * other, since a container on one then cannot reach that range on the other. Built-in
 * networks are left out (every Engine has its `bridge`), and so is the same network seen
 * from two nodes of a swarm (an overlay network has one ID on every node).
 */

export interface EngineNetworks {
  engine: string;
  networks: readonly NetworkRecord[];
}

export interface CrossEngineOverlap {
  engine: string;
  network: string;
  subnet: string;
  otherEngine: string;
  otherNetwork: string;
  otherSubnet: string;
}

export function crossEngineOverlaps(engines: readonly EngineNetworks[]): CrossEngineOverlap[] {
  const blocks = engines.flatMap((e) =>
    e.networks
      .filter((n) => !isBuiltin(n))
      .flatMap((n) => subnetsOf(n).flatMap((subnet) => {
        const cidr = parseCidr(subnet);
        return cidr ? [{ engine: e.engine, network: n.name, id: n.id, subnet, cidr }] : [];
      })),
  );
  const out: CrossEngineOverlap[] = [];
  blocks.forEach((a, i) => {
    for (const b of blocks.slice(i + 1)) {
      if (a.engine === b.engine || a.id === b.id || !overlaps(a.cidr, b.cidr)) continue;
      out.push({ engine: a.engine, network: a.network, subnet: a.subnet, otherEngine: b.engine, otherNetwork: b.network, otherSubnet: b.subnet });
    }
  });
  return out;
}

function line(o: CrossEngineOverlap): string {
  return l10n.t('`{0}` (network {1} on {2}) and `{3}` (network {4} on {5})', o.subnet, o.network, o.engine, o.otherSubnet, o.otherNetwork, o.otherEngine);
}

/** The Markdown section of the subnet map; empty with fewer than two Engines connected. */
export function renderCrossEngine(overlapsFound: readonly CrossEngineOverlap[], engineCount: number): string {
  if (engineCount < 2) return '';
  const lines = ['', `## ${l10n.t('Across Engines')}`, ''];
  if (!overlapsFound.length) lines.push(l10n.t('No subnet of one Engine overlaps a subnet of another ({0} Engines compared).', engineCount));
  else {
    lines.push(l10n.t('These ranges are used on more than one Engine. That is fine for hosts that do not route to each other; where they do, containers on one cannot reach the range on the other.'), '');
    for (const o of overlapsFound) lines.push(`- ${line(o)}`);
  }
  return lines.join('\n') + '\n';
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The same section for the subnet map's page (escaped; no script, no style attribute). */
export function crossEngineHtml(overlapsFound: readonly CrossEngineOverlap[], engineCount: number): string {
  if (engineCount < 2) return '';
  const head = `<h2>${esc(l10n.t('Across Engines'))}</h2>`;
  if (!overlapsFound.length) return `${head}<p>${esc(l10n.t('No subnet of one Engine overlaps a subnet of another ({0} Engines compared).', engineCount))}</p>`;
  const items = overlapsFound.map((o) => `<li>${esc(line(o).replace(/`/g, ''))}</li>`).join('');
  return `${head}<p>${esc(l10n.t('These ranges are used on more than one Engine. That is fine for hosts that do not route to each other; where they do, containers on one cannot reach the range on the other.'))}</p><ul class="across">${items}</ul>`;
}
