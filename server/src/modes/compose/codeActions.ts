import * as l10n from '@vscode/l10n';
import { isMap, type Node } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext, OffsetEdit } from '../languageMode';
import type { ComposeFix, ComposeModel, NetworkDecl, ServiceDecl } from './model';
import { addressing, type IpamBlock } from './networkAddressing';
import { entry, isNull, mapEntries, seqItems } from './yamlNodes';

/**
 * Quick fixes (#14 item 5). Rules describe a fix by what it changes (a network, a
 * service's key, the value at a YAML path) with the builders below; `resolveFix` finds
 * that target again in the parse of the text as it is when the user asks for code
 * actions, and returns undefined when it is gone or no longer reads as it did, so a
 * fix is refused rather than written over text that moved. Building and resolving a
 * descriptor live side by side here, so the two ends of it cannot drift apart.
 */

/** Declare a network a service uses: plainly (the preferred fix), or as an existing external one. */
export function declareNetworkFixes(network: string): ComposeFix[] {
  return [
    { kind: 'declare-network', title: l10n.t('Declare network `{0}`', network), preferred: true, network, external: false },
    { kind: 'declare-network', title: l10n.t('Declare `{0}` as an existing (external) network', network), network, external: true },
  ];
}

/** Replace the subnet of `block` (an `ipam.config` entry of `decl`) by the free block `subnet`. */
export function freeSubnetFix(model: ComposeModel, decl: NetworkDecl, block: IpamBlock, subnet: string): ComposeFix {
  const r = block.subnet!.range;
  return {
    kind: 'free-subnet',
    title: l10n.t('Use the free subnet {0}', subnet),
    preferred: true,
    network: decl.key,
    configIndex: addressing(model, decl).blocks.indexOf(block),
    subnet,
    replaces: model.text.slice(r[0], r[1]),
  };
}

/** Drop `key` from service `svc` (the layer `svc` was declared in). */
export function removeKeyFix(model: ComposeModel, svc: ServiceDecl, key: 'networks' | 'network_mode'): ComposeFix {
  return { kind: 'remove-key', title: l10n.t('Remove `{0}`', key), service: svc.name, key, doc: model.docs.indexOf(svc.doc) };
}

/** Write `text` over `node`, found at `path` from the root of YAML document `doc` of the file. */
export function replaceValueFix(model: ComposeModel, doc: number, path: (string | number)[], node: Node, text: string, title: string): ComposeFix {
  const r = node.range!;
  return { kind: 'replace-value', title, preferred: true, doc, path, replaces: model.text.slice(r[0], r[1]), text };
}

/** Remove the declaration `decl` (a network no service uses). */
export function removeNetworkFix(model: ComposeModel, decl: NetworkDecl): ComposeFix {
  return { kind: 'remove-network', title: l10n.t('Remove network `{0}`', decl.key), network: decl.key, doc: model.docs.indexOf(decl.doc) };
}

export function resolveFix(_document: TextDocument, model: ComposeModel, fix: ComposeFix, _ctx: ModeContext): OffsetEdit[] | undefined {
  const text = model.text;
  switch (fix.kind) {
    case 'declare-network': {
      // Still needed: some service uses the network and nothing declares it.
      if (model.networksByKey.has(fix.network) || !model.refs.some((r) => r.network === fix.network)) return undefined;
      const edit = declareNetwork(model, fix.network, fix.external);
      return edit && [edit];
    }
    case 'free-subnet': {
      for (const decl of model.networksByKey.get(fix.network) ?? []) {
        const s = addressing(model, decl).blocks[fix.configIndex]?.subnet;
        if (s && text.slice(s.range[0], s.range[1]) === fix.replaces) return [{ range: s.range, newText: fix.subnet }];
      }
      return undefined;
    }
    case 'remove-key': {
      const svc = model.servicesByName.get(fix.service)?.find((d) => model.docs.indexOf(d.doc) === fix.doc);
      const e = fix.key === 'networks' ? svc?.networks : fix.key === 'network_mode' ? svc?.networkMode : undefined;
      return e?.keyNode.range ? [removeEntry(text, e.keyNode.range[0])] : undefined;
    }
    case 'replace-value': {
      const node = nodeAt(model, fix.doc, fix.path);
      const r = node?.range;
      return r && text.slice(r[0], r[1]) === fix.replaces ? [{ range: [r[0], r[1]], newText: fix.text }] : undefined;
    }
    case 'remove-network': {
      const doc = model.docs[fix.doc];
      const decl = model.networksByKey.get(fix.network)?.find((d) => d.doc === doc);
      // The `networks:` that holds it (a document may repeat the key; YAML keeps both).
      const root = decl && model.networksRoots.find((r) => r.doc === doc && isMap(r.entry.value) && r.entry.value.items.some((i) => i.key === decl.keyNode));
      const map = root?.entry.value;
      // Block style only: removing lines from a flow mapping (`networks: {a: {}, b: {}}`) would break it.
      if (!decl?.keyNode.range || !root?.entry.keyNode.range || !isMap(map) || map.flow) return undefined;
      // The only network: `networks:` goes too, rather than stay behind with nothing under it.
      return [removeEntry(text, map.items.length === 1 ? root.entry.keyNode.range[0] : decl.keyNode.range[0])];
    }
    default:
      // A descriptor of another version of the extension, or foreign data.
      return undefined;
  }
}

/** The node at `path` (keys and list indexes, read through aliases and merge keys as the rules read them). */
function nodeAt(model: ComposeModel, docIndex: number, path: readonly (string | number)[]): Node | undefined {
  const doc = model.docs[docIndex];
  if (!doc || !Array.isArray(path)) return undefined;
  let node: Node | null | undefined = doc.contents as Node | null;
  for (const seg of path) {
    node = typeof seg === 'number' ? seqItems(doc, node ?? null)[seg] : entry(mapEntries(doc, node ?? null), String(seg))?.value;
    if (!node) return undefined;
  }
  return node ?? undefined;
}

/** The start of the line holding `offset` (a `\n` right at `offset` ends the line before it). */
function lineStart(text: string, offset: number): number {
  return offset > 0 ? text.lastIndexOf('\n', offset - 1) + 1 : 0;
}

/** Deletes a block-style entry: its key line and every following line indented deeper. */
function removeEntry(text: string, keyOffset: number): OffsetEdit {
  const start = lineStart(text, keyOffset);
  const indent = keyOffset - start;
  let end = text.indexOf('\n', keyOffset);
  end = end < 0 ? text.length : end + 1;
  while (end < text.length) {
    const next = text.indexOf('\n', end);
    const line = text.slice(end, next < 0 ? text.length : next);
    const ind = /^\s*/.exec(line)![0].length;
    if (line.trim() !== '' && ind <= indent && !line.trimStart().startsWith('#')) break;
    end = next < 0 ? text.length : next + 1;
  }
  return { range: [start, end], newText: '' };
}

/** The edit adding `name:` (optionally external) to the top-level `networks`, creating it if needed. */
function declareNetwork(model: ComposeModel, name: string, external: boolean): OffsetEdit | undefined {
  const text = model.text;
  const root = model.networksRoots[model.networksRoots.length - 1];
  if (!root) {
    const docEnd = model.docs.length ? (model.docs[0].contents?.range?.[2] ?? text.length) : text.length;
    const at = Math.min(docEnd, text.length);
    const lead = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
    const body = `${lead}\nnetworks:\n  ${name}:${external ? '\n    external: true' : ''}\n`;
    return { range: [at, at], newText: body };
  }
  const value = isNull(root.entry.value) ? null : root.entry.value;
  if (value && (!isMap(value) || value.flow)) return undefined;
  // Indentation of the existing network keys, else two more than `networks:`.
  const keyOffset = root.entry.keyNode.range![0];
  const keyCol = keyOffset - lineStart(text, keyOffset);
  let col = keyCol + 2;
  const first = isMap(value) ? value.items[0]?.key : undefined;
  const firstOffset = (first as { range?: number[] } | undefined)?.range?.[0];
  if (firstOffset !== undefined) col = firstOffset - lineStart(text, firstOffset);
  const pad = ' '.repeat(col);
  // Append after the last line of the mapping (or of `networks:` when it is empty).
  const valueEnd = value?.range ? value.range[1] : root.entry.keyNode.range![1];
  let insertAt: number;
  if (valueEnd > 0 && text[valueEnd - 1] === '\n') insertAt = valueEnd;
  else {
    const nl = text.indexOf('\n', valueEnd);
    insertAt = nl < 0 ? text.length : nl + 1;
  }
  const lead = insertAt > 0 && text[insertAt - 1] !== '\n' ? '\n' : '';
  const body = `${lead}${pad}${name}:${external ? `\n${pad}  external: true` : ''}\n`;
  return { range: [insertAt, insertAt], newText: body };
}
