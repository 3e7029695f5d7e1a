import { isMap, isSeq, parseAllDocuments, type Document, type Node, type Scalar } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { property, type DefinitionName } from './composeSchema';
import type { ComposeModel, NetworkDecl, NetworkRef, ServiceDecl, ServiceModeRef } from './model';
import { COMPOSE_TAGS, entry, hasTag, mapEntries, scalarText, seqItems, type Entry, type OffsetRange } from './yamlNodes';

/**
 * The pure parse of a Compose file (#14): text in, model.ts's ComposeModel out, nothing
 * kept between calls. The YAML library parses; this collects declarations, references
 * and the sorted spots that hover and navigation look up.
 */

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

export function parse(document: TextDocument): ComposeModel {
  const text = document.getText();
  const model: ComposeModel = {
    uri: document.uri,
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
  // `yaml` makes an Error, with a stack trace, for each syntax error, and nobody reads those
  // stacks: on a 1 MB file of broken YAML (165,000 errors) capturing them was half of a 3.5 s
  // parse (#15, the fuzz-like workload of npm run bench).
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    docs = parseAllDocuments(text, { customTags: COMPOSE_TAGS, merge: true, prettyErrors: false, uniqueKeys: false }) as Document[];
  } catch {
    return model;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
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
      const ext = entry(entries, 'extends');
      if (ext) {
        // `extends: NAME` or `extends: {service: NAME, file: PATH}` (compose-go loader/extends.go): go to definition follows it (#16).
        const parts = isMap(ext.value) ? mapEntries(doc, ext.value) : [];
        const nameNode = isMap(ext.value) ? (entry(parts, 'service')?.value ?? null) : ext.value;
        const name = scalarText(nameNode);
        const file = scalarText(entry(parts, 'file')?.value ?? null);
        if (name !== undefined && nameNode?.range) spots.push({ kind: 'extends-ref', name, ...(file !== undefined ? { file } : {}), range: range(nameNode) });
      }
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

