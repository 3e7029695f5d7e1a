import * as l10n from '@vscode/l10n';
import { isAlias, isMap, isScalar, type Node, type Pair } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext, OffsetEdit } from '../languageMode';
import type { ComposeFix, ComposeModel, NetworkDecl, RemovableServiceKey, ServiceDecl } from './model';
import { addressing, type IpamBlock } from './networkAddressing';
import { entry, isNull, mapEntries, seqItems } from './yamlNodes';
import { interpolate } from './interpolation';

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
export function removeKeyFix(model: ComposeModel, svc: ServiceDecl, key: RemovableServiceKey, title = l10n.t('Remove `{0}`', key)): ComposeFix {
  return { kind: 'remove-key', title, service: svc.name, key, doc: model.docs.indexOf(svc.doc) };
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

/**
 * Set `enable_ipv6: true` on `decl`, the fix the `ipv6-not-enabled` message names; undefined
 * (no fix offered) where enableIpv6Edit cannot write it safely. Never safe for `check --fix`:
 * the Engine then creates the network with IPv6, which is a choice, not a correction.
 */
export function enableIpv6Fix(model: ComposeModel, decl: NetworkDecl): ComposeFix | undefined {
  if (!enableIpv6Edit(model, decl)) return undefined;
  return { kind: 'enable-ipv6', title: l10n.t('Enable IPv6 on network `{0}`', decl.key), network: decl.key, doc: model.docs.indexOf(decl.doc) };
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
      const e = !svc ? undefined
        : fix.key === 'networks' ? svc.networks
        : fix.key === 'network_mode' ? svc.networkMode
        : fix.key === 'ports' ? svc.ports
        : fix.key === 'mac_address' ? entry(svc.entries, 'mac_address')
        : undefined;
      // A key merged in from an anchor (`<<: *base`) lives in the anchored mapping that other
      // services share: removing its line there would change them too.
      return e?.keyNode.range && !e.merged ? [removeEntry(text, e.keyNode.range[0])] : undefined;
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
    case 'enable-ipv6': {
      const doc = model.docs[fix.doc];
      // The declaration the rules read in that document (the last, should the key repeat).
      const decl = doc && model.networksByKey.get(fix.network)?.filter((d) => d.doc === doc).pop();
      // Still needed: some service still gives the network an `ipv6_address`, and IPv6 is not on yet.
      const wanted = model.refs.some((r) => r.network === fix.network && entry(r.configEntries, 'ipv6_address'));
      if (!decl || !wanted || addressing(model, decl).enableIpv6 === true) return undefined;
      return enableIpv6Edit(model, decl);
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

/** The pair of mapping `map` whose key is the node `key` itself: written there, not merged in nor reached through an alias. */
function ownPair(map: unknown, key: Node): Pair | undefined {
  return isMap(map) ? map.items.find((i) => i.key === key) : undefined;
}

/** A node that carries an anchor (`&name`): other places may read it through aliases, so it is not rewritten. */
function anchored(node: unknown): boolean {
  return !!(node as { anchor?: string } | null)?.anchor;
}

/**
 * The edits that make `decl` read `enable_ipv6: true` (compose-spec 06-networks.md, enable_ipv6:
 * a boolean), or undefined where writing it could change more than this network or break the
 * YAML: `networks:` or the declaration reached through an alias or carrying an anchor (other
 * places read the same node), a flow mapping, a value that is neither a block mapping nor
 * empty, an `enable_ipv6` written through an alias or a variable (`${IPV6:-false}` is the
 * user's switch, not ours to flip).
 */
function enableIpv6Edit(model: ComposeModel, decl: NetworkDecl): OffsetEdit[] | undefined {
  const text = model.text;
  const root = model.networksRoots.find((r) => r.doc === decl.doc && isMap(r.entry.value) && r.entry.value.items.some((i) => i.key === decl.keyNode));
  const top = root && ownPair(decl.doc.contents, root.entry.keyNode);
  if (!top || !isMap(top.value) || top.value.flow || anchored(top.value)) return undefined;
  const pair = ownPair(top.value, decl.keyNode);
  const value = pair?.value;
  if (!pair || isAlias(value) || anchored(value) || !decl.keyNode.range || (value as { tag?: string } | null)?.tag) return undefined;
  const keyOffset = decl.keyNode.range[0];
  const keyCol = keyOffset - lineStart(text, keyOffset);
  if (value === null || isNull(value as Node) || (isMap(value) && value.flow && value.items.length === 0)) {
    // `net:`, `net: null`, `net: ~`, `net: {}`: the token goes and a block takes its place,
    // indented by the file's own step (that of the network keys under `networks:`).
    const rootOffset = root!.entry.keyNode.range![0];
    const step = keyCol - (rootOffset - lineStart(text, rootOffset));
    const pad = ' '.repeat(keyCol + (step > 0 ? step : 2));
    const r = (value as Node | null)?.range;
    const edits: OffsetEdit[] = r && r[1] > r[0] ? [dropToken(text, r[0], r[1])] : [];
    edits.push(appendLine(text, Math.max(r?.[1] ?? 0, decl.keyNode.range[1]), `${pad}enable_ipv6: true`));
    return edits;
  }
  if (!isMap(value) || value.flow || !value.range) return undefined;
  const own = value.items.find((i) => isScalar(i.key) && i.key.value === 'enable_ipv6');
  if (own) {
    // `enable_ipv6: false` (or `no`, or a typo the rule read as not true): its value becomes `true`.
    const v = own.value;
    if (!isScalar(v) || anchored(v) || !v.range || interpolate(text.slice(v.range[0], v.range[1])).kind !== 'literal') return undefined;
    return [{ range: [v.range[0], v.range[1]], newText: 'true' }];
  }
  // A new last line of the block, at the column of its first key.
  const first = (value.items[0]?.key as Node | undefined)?.range?.[0];
  if (first === undefined || text.slice(lineStart(text, first), first).trim() !== '') return undefined;
  return [appendLine(text, value.range[1], `${' '.repeat(first - lineStart(text, first))}enable_ipv6: true`)];
}

/** Deletes the token at [start, end) with the blanks after it, or before it when the line ends there (`net: ~ # c` → `net: # c`, `net: {}` → `net:`). */
function dropToken(text: string, start: number, end: number): OffsetEdit {
  while (text[end] === ' ' || text[end] === '\t') end++;
  if (end >= text.length || text[end] === '\n' || text[end] === '\r') while (text[start - 1] === ' ' || text[start - 1] === '\t') start--;
  return { range: [start, end], newText: '' };
}

/** Inserts `line` (it may hold several) as lines of their own after the line holding `offset` (or at `offset` when a line ends there). */
function appendLine(text: string, offset: number, line: string): OffsetEdit {
  let insertAt: number;
  if (offset > 0 && text[offset - 1] === '\n') insertAt = offset;
  else {
    const nl = text.indexOf('\n', offset);
    insertAt = nl < 0 ? text.length : nl + 1;
  }
  // The file's own line ends: a CRLF file stays CRLF.
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lead = insertAt > 0 && text[insertAt - 1] !== '\n' ? eol : '';
  return { range: [insertAt, insertAt], newText: `${lead}${line.replace(/\n/g, eol)}${eol}` };
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
  return appendLine(text, valueEnd, `${pad}${name}:${external ? `\n${pad}  external: true` : ''}`);
}
