import * as l10n from '@vscode/l10n';
import { overlaps, parseCidr, type ParsedCidr } from '../../../server/src/shared/cidr';
import type { WorkspaceSubnet } from '../../../server/src/shared/protocol';
import type { SubnetMapEntry } from './subnetMap';

/**
 * The subnet map as a picture (#20: it opened as raw Markdown and left out the workspace's
 * subnets), without `vscode`: the blocks and the page are plain data and text, tested as
 * such (test/unit/networks/subnetMapHtml.test.ts); subnetMapPanel.ts puts the page in a webview.
 * Its texts are translated here, in the extension host (@vscode/l10n, given VS Code's bundle
 * at activation, #23): the page itself runs no l10n code.
 */
export interface MapBlock {
  /** Index in the map, the id a click or Enter sends back. */
  id: number;
  subnet: string;
  family: 4 | 6;
  /** "network `lab`" / "bip in daemon.json:3" */
  label: string;
  source: 'engine' | 'file';
  /** What a click opens: a live network's id, or a file position. */
  target: { networkId: string; networkName: string } | { uri: string; line: number; character: number; file: string };
  /** Labels of the other blocks it overlaps (a file's subnet and the network made from it count once). */
  overlapsWith: string[];
  cidr?: ParsedCidr;
}

/** The live networks' subnets and the workspace's, as one list of blocks sorted by address, overlaps marked. */
export function mapBlocks(live: readonly SubnetMapEntry[], files: readonly WorkspaceSubnet[], fileName: (uri: string) => string): MapBlock[] {
  const blocks: MapBlock[] = [];
  for (const e of live) {
    blocks.push({ id: 0, subnet: e.subnet, family: e.family, label: l10n.t('network {0}', e.networkName), source: 'engine', target: { networkId: e.networkId, networkName: e.networkName }, overlapsWith: [], cidr: e.cidr });
  }
  for (const f of files) {
    const cidr = parseCidr(f.subnet);
    const file = fileName(f.uri);
    blocks.push({
      id: 0,
      subnet: f.subnet,
      family: cidr?.family ?? (f.subnet.includes(':') ? 6 : 4),
      label: l10n.t('{0} in {1}', f.what.replace(/`/g, ''), `${file}:${f.line + 1}`),
      source: 'file',
      target: { uri: f.uri, line: f.line, character: f.character, file },
      overlapsWith: [],
      cidr,
    });
  }
  // A Compose network that is up shows twice (its file and the Engine) with the same subnet:
  // that is the same block, not a clash. Anything else that overlaps is marked.
  for (const a of blocks) {
    for (const b of blocks) {
      if (a === b || !a.cidr || !b.cidr || !overlaps(a.cidr, b.cidr)) continue;
      if (a.source !== b.source && a.cidr.network === b.cidr.network && a.cidr.prefix === b.cidr.prefix) continue;
      if (a.source === 'engine' && b.source === 'engine' && 'networkId' in a.target && 'networkId' in b.target && a.target.networkId === b.target.networkId) continue;
      if (!a.overlapsWith.includes(b.label)) a.overlapsWith.push(b.label);
    }
  }
  blocks.sort((a, b) => a.family - b.family || cmp(a.cidr?.first, b.cidr?.first) || (a.cidr?.prefix ?? 0) - (b.cidr?.prefix ?? 0) || a.label.localeCompare(b.label));
  blocks.forEach((b, i) => (b.id = i));
  return blocks;
}

function cmp(a: bigint | undefined, b: bigint | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The page. Strict content security policy: nothing loads from anywhere; the one style
 * element and the one script carry the nonce; no inline event handlers. Colours are VS
 * Code's theme variables. Each block is a <button>, so Tab reaches it and Enter or Space
 * opens its network or file line; overlapping blocks say so in words as well as in colour.
 * Within a family, each bar is placed along the span from the lowest to the highest address
 * in use, so that neighbours and overlaps show side by side.
 */
export function renderSubnetMapHtml(blocks: readonly MapBlock[], host: string, nonce: string, cspSource: string, lang = 'en', across = ''): string {
  const csp = `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  const overlapping = blocks.filter((b) => b.overlapsWith.length > 0).length;
  const sections: string[] = [];
  // Bar positions go into the nonce'd <style> as one rule per block: a strict policy refuses style="" attributes.
  const barRules: string[] = [];
  for (const family of [4, 6] as const) {
    const rows = blocks.filter((b) => b.family === family);
    if (rows.length === 0) continue;
    const first = rows.reduce((m, b) => (b.cidr && b.cidr.first < m ? b.cidr.first : m), rows.find((b) => b.cidr)?.cidr?.first ?? 0n);
    const last = rows.reduce((m, b) => (b.cidr && b.cidr.last > m ? b.cidr.last : m), rows.find((b) => b.cidr)?.cidr?.last ?? 0n);
    const span = last - first + 1n;
    const pct = (n: bigint): number => (span > 0n ? Number((n * 10000n) / span) / 100 : 0);
    const items = rows.map((b) => {
      const left = b.cidr ? pct(b.cidr.first - first) : 0;
      const width = b.cidr ? Math.max(0.6, pct(b.cidr.last - b.cidr.first + 1n)) : 100;
      const warn = b.overlapsWith.length > 0 ? `<span class="warn">${esc(l10n.t('overlaps {0}', b.overlapsWith.join(', ')))}</span>` : b.cidr ? '' : `<span class="warn">${esc(l10n.t('not a CIDR block'))}</span>`;
      return (
        (b.cidr ? (barRules.push(`.b${b.id} .bar { margin-left: ${left}%; width: ${Math.min(width, 100 - left)}%; }`), '') : '') +
        `<li class="b${b.id} ${b.source}${b.overlapsWith.length ? ' overlap' : ''}">` +
        `<button data-id="${b.id}" title="${esc(l10n.t('Open {0}', b.label))}"><code>${esc(b.subnet)}</code> <span class="what">${esc(b.label)}</span> ${warn}</button>` +
        (b.cidr ? `<div class="track" aria-hidden="true"><div class="bar"></div></div>` : '') +
        `</li>`
      );
    });
    sections.push(`<h2>IPv${family}</h2><ul>${items.join('')}</ul>`);
  }
  const summary =
    blocks.length === 0
      ? esc(l10n.t('No network and no file declares a subnet.'))
      : overlapping
        ? `<span class="warn">${esc(overlapping === 1 ? l10n.t('1 block overlaps another.') : l10n.t('{0} blocks overlap another.', overlapping))}</span>`
        : esc(l10n.t('No two blocks overlap.'));
  return `<!DOCTYPE html>
<html lang="${esc(lang)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(l10n.t('Subnet map'))}</title>
<style nonce="${nonce}">
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 1.5em; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 1.5em; }
ul { list-style: none; padding: 0; }
li { margin: 0.3em 0; }
button { display: block; width: 100%; text-align: left; color: inherit; background: none; border: 1px solid transparent; padding: 0.2em 0.4em; font: inherit; cursor: pointer; }
button:hover { background: var(--vscode-list-hoverBackground); }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
code { font-family: var(--vscode-editor-font-family); }
.what { color: var(--vscode-descriptionForeground); }
.warn { color: var(--vscode-errorForeground); font-weight: 600; }
.track { height: 8px; background: var(--vscode-editorWidget-background); margin: 0 0.4em; }
.bar { height: 8px; min-width: 3px; background: var(--vscode-charts-blue); }
.file .bar { background: var(--vscode-charts-green); }
.overlap .bar { background: var(--vscode-charts-red); }
.legend span { margin-right: 1.5em; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.3em; vertical-align: middle; }
.s-engine { background: var(--vscode-charts-blue); } .s-file { background: var(--vscode-charts-green); } .s-overlap { background: var(--vscode-charts-red); }
.actions { margin: 1em 0; }
.actions button { display: inline-block; width: auto; color: var(--vscode-button-foreground); background: var(--vscode-button-background); padding: 0.3em 0.8em; }
${barRules.join('\n')}
</style></head>
<body>
<h1>${esc(l10n.t('Subnets in use on {0} and in the workspace', host))}</h1>
<p>${summary}</p>
<p class="legend"><span><span class="swatch s-engine"></span>${esc(l10n.t('live network'))}</span><span><span class="swatch s-file"></span>${esc(l10n.t('declared in a file'))}</span><span><span class="swatch s-overlap"></span>${esc(l10n.t('overlaps another'))}</span></p>
<div class="actions"><button id="copy">${esc(l10n.t('Copy as Markdown'))}</button> <button id="refresh">${esc(l10n.t('Refresh'))}</button></div>
${sections.join('\n')}
${across}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.body.addEventListener('click', (e) => {
  const b = e.target.closest('button');
  if (!b) return;
  if (b.id === 'copy') vscode.postMessage({ type: 'copy' });
  else if (b.id === 'refresh') vscode.postMessage({ type: 'refresh' });
  else if (b.dataset.id !== undefined) vscode.postMessage({ type: 'open', id: Number(b.dataset.id) });
});
</script>
</body></html>`;
}
