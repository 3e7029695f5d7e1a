import * as l10n from '@vscode/l10n';
import { overlaps, parseCidr, type ParsedCidr } from '../../../server/src/shared/cidr';
import type { NetworkRecord } from './networkRecords';

/** Every subnet in use on the Engine, sorted by address, with overlaps flagged. */

export interface SubnetMapEntry {
  subnet: string;
  family: 4 | 6;
  networkName: string;
  networkId: string;
  driver: string;
  gateway?: string;
  /** Names of the other networks whose subnets overlap this one. */
  overlapsWith: string[];
  cidr?: ParsedCidr;
}

export function buildSubnetMap(networks: NetworkRecord[]): SubnetMapEntry[] {
  const entries: SubnetMapEntry[] = [];
  for (const n of networks) {
    for (const c of n.ipam.config) {
      if (!c.subnet) continue;
      const cidr = parseCidr(c.subnet);
      entries.push({
        subnet: c.subnet,
        family: cidr?.family ?? (c.subnet.includes(':') ? 6 : 4),
        networkName: n.name,
        networkId: n.id,
        driver: n.driver,
        gateway: c.gateway,
        overlapsWith: [],
        cidr,
      });
    }
  }
  for (const a of entries) {
    for (const b of entries) {
      if (a !== b && a.networkId !== b.networkId && a.cidr && b.cidr && overlaps(a.cidr, b.cidr) && !a.overlapsWith.includes(b.networkName)) {
        a.overlapsWith.push(b.networkName);
      }
    }
  }
  return entries.sort((a, b) => a.family - b.family || cmpBig(a.cidr?.first, b.cidr?.first) || (a.cidr?.prefix ?? 0) - (b.cidr?.prefix ?? 0) || a.networkName.localeCompare(b.networkName));
}

function cmpBig(a: bigint | undefined, b: bigint | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The subnet map as a Markdown document. */
export function renderSubnetMap(entries: SubnetMapEntry[], host: string): string {
  const lines = [`# ${l10n.t('Subnets in use on {0}', host)}`, ''];
  if (!entries.length) {
    lines.push(l10n.t('No network has a subnet.'));
    return lines.join('\n') + '\n';
  }
  const overlapping = entries.filter((e) => e.overlapsWith.length).length;
  const overlapText = overlapping === 1 ? l10n.t("1 subnet overlaps another network's.") : l10n.t("{0} subnets overlap another network's.", overlapping);
  lines.push(overlapping ? `**${overlapText}**` : l10n.t('No two networks overlap.'), '');
  for (const family of [4, 6] as const) {
    const rows = entries.filter((e) => e.family === family);
    if (!rows.length) continue;
    lines.push(`## IPv${family}`, '', `| ${[l10n.t('subnet'), l10n.t('network'), l10n.t('driver'), l10n.t('gateway'), l10n.t('overlaps')].join(' | ')} |`, '|---|---|---|---|---|');
    for (const e of rows) {
      lines.push(`| \`${e.subnet}\` | ${e.networkName} | ${e.driver} | ${e.gateway ? `\`${e.gateway}\`` : ''} | ${e.overlapsWith.length ? `⚠ ${e.overlapsWith.join(', ')}` : ''} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
