import { localized } from '../localized';
import * as l10n from '@vscode/l10n';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { findFreeSubnet, ipText, parseIp } from '../../shared/cidr';
import type { ModeContext } from '../languageMode';
import { completionContext, type CompletionContext } from './completionContext';
import type { ComposeModel, NetworkDecl } from './model';
import { projectOf } from './project/projectOf';
import { FREE_SUBNET_POOLS, IMPLICIT_NETWORK, property, propertyNames, renderProperty, renderValue, type DefinitionName } from './composeSchema';
import { addressing, allSubnets, readValue } from './networkAddressing';
import { entry } from './yamlNodes';
import { readDataFile } from '../../shared/dataFile';

const snippets = readDataFile<typeof import('../../../../snippets/compose.json')>('snippets/compose.json');

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/**
 * Completion in the network parts only: property names (docs from the same renderer
 * as hover), driver and network_mode values, declared network names under a service,
 * `service:` + service names, a free subnet in `ipam.config`, a free static address,
 * and the network snippets of snippets/compose.json under the top-level `networks`.
 */
export function complete(document: TextDocument, position: Position, model: ComposeModel, ctx: ModeContext): CompletionList {
  const text = document.getText();
  const cc = completionContext(text, document.offsetAt(position));
  if (!cc) return EMPTY;
  const range: Range = { start: document.positionAt(cc.replace[0]), end: document.positionAt(cc.replace[1]) };
  const items = cc.mode === 'value' ? valueItems(cc, model, range, ctx) : keyItems(cc, model, range, ctx);
  return { isIncomplete: false, items };
}

/** Which schema definition a path of keys designates, with the name of the network/service involved. */
function definitionAt(path: string[]): { def: DefinitionName; network?: string; service?: string } | undefined {
  const [root, a, b, c, d] = path;
  if (root === 'networks' && a !== undefined) {
    if (path.length === 2) return { def: 'network', network: a };
    if (path.length === 3 && b === 'ipam') return { def: 'ipam', network: a };
    if (path.length === 3 && b === 'external') return { def: 'externalObject', network: a };
    if (path.length === 5 && b === 'ipam' && c === 'config' && d === '[]') return { def: 'ipamConfig', network: a };
  }
  if (root === 'services' && a !== undefined) {
    if (path.length === 2) return { def: 'service', service: a };
    if (path.length === 4 && b === 'networks' && c !== '[]') return { def: 'serviceNetwork', service: a, network: c };
  }
  return undefined;
}

function propertyItem(def: DefinitionName, key: string, cc: CompletionContext, range: Range, text: string): CompletionItem {
  const p = property(def, key)!;
  const child = ' '.repeat(cc.indent + 2);
  let insert = `${key}: `;
  // Inside `{ … }` the key goes on the same line, whatever its type.
  if (cc.flow) insert = text.startsWith(':', cc.replace[1]) ? key : `${key}: `;
  else if (p.type === 'object' || p.type.startsWith('map-') || p.type === 'list-or-dict') insert = `${key}:\n${child}`;
  else if (p.type === 'list-of-objects' || p.type === 'list-of-strings') insert = `${key}:\n${child}- `;
  else if (p.type === 'networks-list-or-map') insert = `${key}:\n${child}`;
  return {
    label: key,
    kind: CompletionItemKind.Property,
    detail: p.type,
    documentation: { kind: MarkupKind.Markdown, value: renderProperty(def, key)! },
    tags: p.deprecated ? [1] : undefined,
    textEdit: { range, newText: insert },
    insertTextFormat: InsertTextFormat.PlainText,
    insertTextMode: InsertTextMode.asIs,
    sortText: p.deprecated ? `z${key}` : key,
  };
}

function keyItems(cc: CompletionContext, model: ComposeModel, range: Range, ctx: ModeContext): CompletionItem[] {
  const path = cc.path;
  // A network name under a service: `networks:` map key or list item.
  if (path.length === 3 && path[0] === 'services' && path[2] === 'networks' && cc.mode === 'key') {
    // In a flow map a bare name is a key with no settings (`{ front, back }`).
    return networkNameItems(model, path[1], range, cc.flow ? '' : ':\n' + ' '.repeat(cc.indent + 2), ctx);
  }
  if (path.length === 4 && path[0] === 'services' && path[2] === 'networks' && path[3] === '[]' && cc.mode === 'item') {
    return networkNameItems(model, path[1], range, '', ctx);
  }
  if (path.length === 1 && path[0] === 'networks' && cc.mode === 'key') return cc.flow ? [] : snippetItems(cc, model, range);
  const at = definitionAt(path);
  if (!at) return [];
  const present = new Set(existingKeys(model, at, path));
  let keys = propertyNames(at.def).filter((k) => !present.has(k));
  if (at.def === 'service') keys = keys.filter((k) => !(k === 'networks' && present.has('network_mode')) && !(k === 'network_mode' && present.has('networks')));
  return keys.map((k) => propertyItem(at.def, k, cc, range, model.text));
}

/** Keys already written in the mapping being completed (so they are not offered twice). */
function existingKeys(model: ComposeModel, at: { def: DefinitionName; network?: string; service?: string }, path: string[]): string[] {
  if (at.def === 'network' && at.network) return (model.networksByKey.get(at.network) ?? []).flatMap((d) => d.entries.map((e) => e.key));
  if (at.def === 'service' && at.service) return (model.servicesByName.get(at.service) ?? []).flatMap((s) => s.entries.map((e) => e.key));
  if (at.def === 'serviceNetwork' && at.service) {
    return model.refs.filter((r) => r.service.name === at.service && r.network === path[3]).flatMap((r) => r.configEntries.map((e) => e.key));
  }
  return [];
}

/** The networks a service can join: those the project declares in any of its files (#16), and `default`. */
function networkNameItems(model: ComposeModel, service: string, range: Range, suffix: string, ctx: ModeContext): CompletionItem[] {
  const joined = new Set(model.refs.filter((r) => r.service.name === service).map((r) => r.network));
  const declared = new Map<string, { model: ComposeModel; decl: NetworkDecl }>();
  for (const [key, decls] of projectOf(model, ctx).networks) declared.set(key, { model: decls[decls.length - 1].file.model, decl: decls[decls.length - 1].decl });
  const names = new Set(declared.keys());
  names.add(IMPLICIT_NETWORK);
  return [...names]
    .filter((n) => !joined.has(n))
    .map((n) => {
      const d = declared.get(n);
      const a = d ? addressing(d.model, d.decl) : undefined;
      const detail = a ? [a.external ? 'external' : a.driver ?? 'bridge', ...a.blocks.map((b) => b.subnet?.text ?? '')].filter(Boolean).join(' ') : l10n.t('implicit default network');
      return { label: n, kind: CompletionItemKind.Reference, detail, textEdit: { range, newText: n + suffix }, insertTextMode: InsertTextMode.asIs };
    });
}

function valueItems(cc: CompletionContext, model: ComposeModel, range: Range, ctx: ModeContext): CompletionItem[] {
  const at = definitionAt(cc.path);
  if (!at || !cc.key) return [];
  const p = property(at.def, cc.key);
  if (!p) return [];
  // The name of an external network: the networks of the connected Engine.
  if (at.def === 'network' && cc.key === 'name' && ctx.liveNetworks) {
    const decl = model.networksByKey.get(at.network!);
    if (decl && addressing(model, decl[decl.length - 1]).external) {
      return ctx.liveNetworks.map((n) => ({
        label: n.name,
        kind: CompletionItemKind.Reference,
        detail: [n.driver, ...n.subnets.map((s) => s.subnet)].filter((x) => x !== '').join(' '),
        textEdit: { range, newText: (cc.needsSpace ? ' ' : '') + n.name },
      }));
    }
  }
  const sp = cc.needsSpace ? ' ' : '';
  const item = (value: string, kind: CompletionItemKind, doc?: string, detail?: string): CompletionItem => ({
    label: value,
    kind,
    detail,
    documentation: doc ? { kind: MarkupKind.Markdown, value: doc } : undefined,
    textEdit: { range, newText: sp + value },
    insertTextMode: InsertTextMode.asIs,
  });
  if (at.def === 'service' && cc.key === 'network_mode') {
    const out: CompletionItem[] = [];
    for (const v of p['x-values'] ?? []) {
      if (v.value === 'service:') {
        // The services of every file of the project (#16).
        for (const name of projectOf(model, ctx).services.keys()) {
          if (name !== at.service) out.push(item(`service:${name}`, CompletionItemKind.Reference, renderValue('service', 'network_mode', v.value)));
        }
      } else out.push(item(v.value, CompletionItemKind.EnumMember, renderValue('service', 'network_mode', v.value)));
    }
    return out;
  }
  if (p['x-values']) return p['x-values'].map((v) => item(v.value, CompletionItemKind.EnumMember, renderValue(at.def, cc.key!, v.value)));
  if (p.type === 'boolean') return ['true', 'false'].map((v) => item(v, CompletionItemKind.Value));
  if (at.def === 'ipamConfig' && cc.key === 'subnet') {
    const out: CompletionItem[] = [];
    const v4 = freeSubnet(model, 4);
    if (v4) out.push(item(v4, CompletionItemKind.Value, l10n.t('A block that overlaps no other subnet in this file.'), l10n.t('free subnet')));
    const decl = model.networksByKey.get(at.network!);
    if (decl && addressing(model, decl[decl.length - 1]).enableIpv6) {
      const v6 = freeSubnet(model, 6);
      if (v6) out.push(item(v6, CompletionItemKind.Value, l10n.t('An IPv6 block that overlaps no other subnet in this file.'), l10n.t('free subnet')));
    }
    return out;
  }
  if (at.def === 'serviceNetwork' && (cc.key === 'ipv4_address' || cc.key === 'ipv6_address')) {
    const free = freeAddress(model, at.network!, cc.key === 'ipv4_address' ? 4 : 6);
    return free ? [item(free, CompletionItemKind.Value, l10n.t('The first address of the subnet that is not the gateway, reserved or given to another service.'), l10n.t('free address'))] : [];
  }
  return [];
}

/** A free block of the default prefix length from the pools in the schema's x-free-subnet-pools. */
export function freeSubnet(model: ComposeModel, family: 4 | 6): string | undefined {
  const taken = allSubnets(model).map((s) => s.cidr);
  return family === 4
    ? findFreeSubnet(FREE_SUBNET_POOLS.ipv4, FREE_SUBNET_POOLS.ipv4Prefix, taken)
    : findFreeSubnet(FREE_SUBNET_POOLS.ipv6, FREE_SUBNET_POOLS.ipv6Prefix, taken);
}

function freeAddress(model: ComposeModel, network: string, family: 4 | 6): string | undefined {
  const decls = model.networksByKey.get(network);
  if (!decls) return undefined;
  const a = addressing(model, decls[decls.length - 1]);
  const used = new Set<bigint>();
  for (const r of model.refs) {
    if (r.network !== network) continue;
    const v = readValue(entry(r.configEntries, family === 4 ? 'ipv4_address' : 'ipv6_address')?.value ?? null);
    const ip = v && parseIp(v.text);
    if (ip) used.add(ip.value);
  }
  for (const b of a.blocks) {
    const c = b.subnet?.cidr;
    if (!c || c.family !== family) continue;
    used.add(b.gateway?.ip?.value ?? c.first + 1n);
    for (const x of b.aux) if (x.ip) used.add(x.ip.value);
    // Prefer addresses outside ip_range, which the Engine hands out dynamically.
    const range = b.ipRange?.cidr;
    const last = family === 4 ? c.last - 1n : c.last;
    for (let v = c.first + 2n, n = 0; v <= last && n < 4096; v++, n++) {
      if (used.has(v) || (range && v >= range.first && v <= range.last)) continue;
      return ipText(v, family);
    }
  }
  return undefined;
}

interface SnippetEntry {
  prefix: string;
  description: string;
  body: string[];
}

function snippetItems(cc: CompletionContext, model: ComposeModel, range: Range): CompletionItem[] {
  const pad = ' '.repeat(cc.indent);
  return Object.entries(snippets as Record<string, SnippetEntry>).map(([label, s]) => {
    const body = s.body
      .map((l, i) => (i === 0 ? l : pad + l))
      .join('\n')
      .replace(/\$FREE_SUBNET_V6/g, freeSubnet(model, 6) ?? 'fd00::/64')
      .replace(/\$FREE_SUBNET/g, freeSubnet(model, 4) ?? '172.28.0.0/16');
    return {
      label: localized({ ...s, name: label }, 'name'),
      kind: CompletionItemKind.Snippet,
      detail: s.prefix,
      filterText: s.prefix,
      documentation: { kind: MarkupKind.Markdown, value: localized(s, 'description') },
      textEdit: { range, newText: body },
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
    };
  });
}
