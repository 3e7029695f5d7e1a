import { isMap, isSeq, parseAllDocuments, type Document, type Node, type Scalar } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DefinitionName } from './composeSchema';
import { property } from './composeSchema';
import { COMPOSE_TAGS, entry, hasTag, isNull, mapEntries, scalarText, seqItems, type Entry, type OffsetRange } from './yamlNodes';

/**
 * The parse of one Compose file, built once per document version (the server caches
 * it): every YAML document of the file, and a small model of its networks, services
 * and the references between them, with positions. Documents of one file are layers
 * merged in order (compose-go loader, multidoc_test.go), so declarations and references
 * are collected across all of them.
 */

export interface NetworkDecl {
  key: string;
  keyNode: Scalar;
  value: Node | null;
  entries: Entry[];
  doc: Document;
}

export interface ServiceDecl {
  name: string;
  keyNode: Scalar;
  value: Node | null;
  entries: Entry[];
  doc: Document;
  networks?: Entry;
  networkMode?: Entry;
  ports?: Entry;
}

export interface NetworkRef {
  network: string;
  node: Scalar;
  service: ServiceDecl;
  form: 'list' | 'map';
  /** The attachment settings (map form), alias resolved. */
  config: Node | null;
  configEntries: Entry[];
}

/** `network_mode: service:NAME`, the NAME part. */
export interface ServiceModeRef {
  target: string;
  range: OffsetRange;
  from: ServiceDecl;
}

export type Spot =
  | { kind: 'property'; def: DefinitionName; key: string; range: OffsetRange }
  | { kind: 'value'; def: DefinitionName; key: string; value: string; range: OffsetRange }
  | { kind: 'network-decl'; name: string; range: OffsetRange }
  | { kind: 'network-ref'; name: string; range: OffsetRange }
  | { kind: 'service-decl'; name: string; range: OffsetRange }
  | { kind: 'service-ref'; name: string; range: OffsetRange }
  | { kind: 'address'; text: string; range: OffsetRange };

export interface ComposeModel {
  text: string;
  docs: Document[];
  networks: NetworkDecl[];
  networksByKey: Map<string, NetworkDecl[]>;
  services: ServiceDecl[];
  servicesByName: Map<string, ServiceDecl[]>;
  refs: NetworkRef[];
  modeRefs: ServiceModeRef[];
  /** The top-level `networks` entries (one per document that has one). */
  networksRoots: { doc: Document; entry: Entry }[];
  /** Positions of interest for hover and navigation, sorted by start offset. */
  spots: Spot[];
  /**
   * Some document has YAML syntax errors. The YAML extensions report those; we only
   * hold back the rules that need the whole file (a declaration may sit in the part
   * that did not parse), and keep the local ones.
   */
  incomplete: boolean;
}

export function parseCompose(document: TextDocument): ComposeModel {
  return parseComposeText(document.getText());
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function range(node: Node): OffsetRange {
  const r = node.range!;
  return [r[0], r[1]];
}

/** Values tagged `!reset` remove what earlier layers set; for our checks they are absent. */
function live(e: Entry | undefined): Entry | undefined {
  return e && !hasTag(e.value, '!reset') ? e : undefined;
}

export function parseComposeText(text: string): ComposeModel {
  const model: ComposeModel = {
    text,
    docs: [],
    networks: [],
    networksByKey: new Map(),
    services: [],
    servicesByName: new Map(),
    refs: [],
    modeRefs: [],
    networksRoots: [],
    spots: [],
    incomplete: false,
  };
  let docs: Document[];
  try {
    docs = parseAllDocuments(text, { customTags: COMPOSE_TAGS, merge: true, prettyErrors: false, uniqueKeys: false }) as Document[];
  } catch {
    return model;
  }
  if (!Array.isArray(docs)) return model;
  model.docs = docs;
  model.incomplete = docs.some((d) => d.errors.length > 0);
  const spots = model.spots;

  /** Records the keys of a schema-described map (and their known values) as spots, recursively. */
  const describe = (doc: Document, def: DefinitionName, entries: Entry[]): void => {
    for (const e of entries) {
      const p = property(def, e.key);
      if (!p || !e.keyNode.range) continue;
      spots.push({ kind: 'property', def, key: e.key, range: range(e.keyNode) });
      const text = scalarText(e.value);
      if (text !== undefined && e.value?.range) {
        if (p['x-values']) spots.push({ kind: 'value', def, key: e.key, value: text, range: range(e.value) });
        if (p['x-format'] === 'cidr' || p['x-format'] === 'ip' || p['x-format'] === 'ipv4' || p['x-format'] === 'ipv6') {
          spots.push({ kind: 'address', text, range: range(e.value) });
        }
      }
      if (p.$ref && p.type === 'object') describe(doc, p.$ref, mapEntries(doc, e.value));
      if (p.$ref && p.type === 'list-of-objects') for (const item of seqItems(doc, e.value)) describe(doc, p.$ref, mapEntries(doc, item));
      if (p['x-object'] && isMap(e.value)) describe(doc, p['x-object'], mapEntries(doc, e.value));
    }
  };

  for (const doc of docs) {
    const root = mapEntries(doc, doc.contents as Node | null);
    const nets = live(entry(root, 'networks'));
    if (nets) {
      model.networksRoots.push({ doc, entry: nets });
      for (const e of mapEntries(doc, nets.value)) {
        if (e.merged || !e.keyNode.range) continue;
        const decl: NetworkDecl = { key: e.key, keyNode: e.keyNode, value: e.value, entries: mapEntries(doc, e.value), doc };
        model.networks.push(decl);
        push(model.networksByKey, e.key, decl);
        spots.push({ kind: 'network-decl', name: e.key, range: range(e.keyNode) });
        describe(doc, 'network', decl.entries);
      }
    }
    const services = live(entry(root, 'services'));
    for (const e of mapEntries(doc, services?.value ?? null)) {
      if (!e.keyNode.range) continue;
      const entries = mapEntries(doc, e.value);
      const svc: ServiceDecl = {
        name: e.key,
        keyNode: e.keyNode,
        value: e.value,
        entries,
        doc,
        networks: live(entry(entries, 'networks')),
        networkMode: live(entry(entries, 'network_mode')),
        ports: live(entry(entries, 'ports')),
      };
      model.services.push(svc);
      push(model.servicesByName, e.key, svc);
      spots.push({ kind: 'service-decl', name: e.key, range: range(e.keyNode) });
      describe(doc, 'service', entries.filter((x) => x.key === 'network_mode' || x.key === 'networks'));
      if (svc.networks) collectRefs(model, svc, svc.networks.value);
      const mode = svc.networkMode ? scalarText(svc.networkMode.value) : undefined;
      if (mode?.startsWith('service:') && svc.networkMode!.value?.range) {
        const node = svc.networkMode!.value as Scalar;
        // Offset of the name inside the scalar's source (quotes shift it by one).
        const start = node.range![0] + (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0) + 'service:'.length;
        const target = mode.slice('service:'.length);
        const ref: ServiceModeRef = { target, range: [start, start + target.length], from: svc };
        model.modeRefs.push(ref);
        spots.push({ kind: 'service-ref', name: target, range: ref.range });
      }
    }
  }
  spots.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  return model;
}

function collectRefs(model: ComposeModel, svc: ServiceDecl, value: Node | null): void {
  const doc = svc.doc;
  if (isSeq(value)) {
    for (const item of seqItems(doc, value)) {
      const name = scalarText(item);
      if (name === undefined || !item.range) continue;
      const ref: NetworkRef = { network: name, node: item as Scalar, service: svc, form: 'list', config: null, configEntries: [] };
      model.refs.push(ref);
      model.spots.push({ kind: 'network-ref', name, range: range(item) });
    }
  } else if (isMap(value)) {
    for (const e of mapEntries(doc, value)) {
      if (!e.keyNode.range) continue;
      const configEntries = mapEntries(doc, e.value);
      model.refs.push({ network: e.key, node: e.keyNode, service: svc, form: 'map', config: e.value, configEntries });
      model.spots.push({ kind: 'network-ref', name: e.key, range: range(e.keyNode) });
      for (const c of configEntries) {
        const p = property('serviceNetwork', c.key);
        if (!p || !c.keyNode.range) continue;
        model.spots.push({ kind: 'property', def: 'serviceNetwork', key: c.key, range: range(c.keyNode) });
        const text = scalarText(c.value);
        if (text !== undefined && c.value?.range && p['x-format'] && p['x-format'] !== 'mac') {
          model.spots.push({ kind: 'address', text, range: range(c.value) });
        }
      }
    }
  }
}

/** The spot under `offset` (inclusive of its end, so a cursor right after a word counts). O(log n). */
export function spotAt(model: ComposeModel, offset: number): Spot | undefined {
  const spots = model.spots;
  let lo = 0;
  let hi = spots.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spots[mid].range[0] <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = found; i >= 0 && i > found - 4; i--) {
    const s = spots[i];
    if (s.range[0] <= offset && offset <= s.range[1]) return s;
  }
  return undefined;
}

/** Whether the service joins networks Compose manages (no network_mode). */
export function usesDefaultNetwork(svc: ServiceDecl): boolean {
  if (svc.networkMode && !isNull(svc.networkMode.value)) return false;
  if (!svc.networks) return true;
  const v = svc.networks.value;
  if (isNull(v)) return true;
  if (isSeq(v)) return v.items.length === 0;
  if (isMap(v)) return v.items.length === 0;
  return false;
}

