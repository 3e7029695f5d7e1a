import { lastAtOrBefore } from '../lastAtOrBefore';
import { isMap, isSeq, type Document, type Node, type Scalar } from 'yaml';
import type { FixDescriptor, ModeContext, Rule } from '../languageMode';
import type { ComposeProject, ProjectFile } from './project/composeProject';
import type { DefinitionName } from './composeSchema';
import { isNull, type Entry, type OffsetRange } from './yamlNodes';

/**
 * The model of one Compose file (built by parse.ts, once per document version; the
 * server caches it): every YAML document of the file, and a small model of its
 * networks, services and the references between them, with positions. Documents of
 * one file are layers merged in order (compose-go loader, multidoc_test.go), so
 * declarations and references are collected across all of them.
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
  /** The service an `extends` names, in `file` (as written, relative to this file) or in this file. */
  | { kind: 'extends-ref'; name: string; file?: string; range: OffsetRange }
  | { kind: 'address'; text: string; range: OffsetRange };

export interface ComposeModel {
  /** The document's URI: a project (#16) finds the file's place among its files by it. */
  uri: string;
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

/** The spot under `offset` (inclusive of its end, so a cursor right after a word counts). O(log n). */
export function spotAt(model: ComposeModel, offset: number): Spot | undefined {
  const spots = model.spots;
  const found = lastAtOrBefore(spots, offset, (s) => s.range[0]);
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

/** The service keys a rule's fix may drop (#20: the ones whose message says to remove them). */
export type RemovableServiceKey = 'networks' | 'network_mode' | 'ports' | 'mac_address';

/**
 * The quick fixes of the Compose rules, as descriptors that name their target by
 * meaning, never by offset (#14 item 5): codeActions.ts `resolveFix` finds the target
 * again in the parse of the text as it is when the user asks, and refuses the fix
 * (undefined) when the target is gone or its text changed since validation.
 */
export type ComposeFix = FixDescriptor &
  (
    | /** Add `network` under the top-level `networks` (plainly, or as `external: true`). */
    { kind: 'declare-network'; network: string; external: boolean }
    | /** Write `subnet` over the `subnet` of the `configIndex`-th `ipam.config` entry of `network`, which reads `replaces`. */
    { kind: 'free-subnet'; network: string; configIndex: number; subnet: string; replaces: string }
    | /** Delete the `key` entry (and its block) of service `service` as declared in YAML document `doc` of the file. */
    { kind: 'remove-key'; service: string; key: RemovableServiceKey; doc: number }
    | /**
       * Write `text` over the scalar at `path` (keys and list indexes from the root of
       * the `doc`-th YAML document of the file), which reads `replaces`.
       */
    { kind: 'replace-value'; doc: number; path: (string | number)[]; replaces: string; text: string }
    | /** Delete the declaration of `network` (and its block) from the top-level `networks` of YAML document `doc`; `networks:` too when it was the only one. */
    { kind: 'remove-network'; network: string; doc: number }
    | /** Write `enable_ipv6: true` into the declaration of `network` in YAML document `doc` (the last one there, as the rules read it). */
    { kind: 'enable-ipv6'; network: string; doc: number }
  );

/**
 * What Compose rules know besides the file (#16): the project it is loaded with
 * (project/projectOf.ts) and its own place in it. Built once per validation.
 */
export interface ComposeContext extends ModeContext {
  project: ComposeProject;
  /** This file among the project's files. */
  file: ProjectFile;
  /** The workspace's other projects (loaded on first use, then kept for this validation). */
  otherProjects(): readonly ComposeProject[];
}

export type ComposeRule = Rule<ComposeModel, ComposeFix, ComposeContext>;
