import { compareEngineVersions, type EngineVersion, parseEngineVersion } from '../../shared/engineVersion';
import { readDataFile } from '../../shared/dataFile';

const schemaJson = readDataFile<typeof import('../../../../schemas/daemon.schema.json')>('schemas/daemon.schema.json');

/**
 * Typed access to schemas/daemon.schema.json, the one source of daemon.json keys,
 * types, values, versions and docs. Feature code reads facts only through here.
 */
export interface ValueInfo {
  description?: string;
  'x-since'?: string;
  'x-deprecated'?: string;
  'x-removed'?: string;
  'x-replacement'?: string;
  'x-platforms'?: string[];
  /** Platform (missing from x-platforms) → the Engine that stopped accepting the key there. */
  'x-platformRemoved'?: Record<string, string>;
}

export interface LogDriverInfo extends ValueInfo {
  options: string[];
  required?: string[];
  anyOptions?: boolean;
  platforms?: string[];
  optionHistory?: Record<string, ValueInfo>;
}

export interface SchemaNode extends ValueInfo {
  type?: string | string[];
  markdownDescription?: string;
  default?: unknown;
  enum?: unknown[];
  examples?: unknown[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  propertyNames?: { enum?: string[] };
  required?: string[];
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  pattern?: string;
  deprecated?: boolean;
  'x-flag'?: string;
  'x-reload'?: boolean;
  'x-docs'?: string;
  'x-values'?: Record<string, ValueInfo>;
  'x-format'?: string;
  'x-family'?: 4 | 6;
  'x-itemFormat'?: string;
  'x-caseInsensitive'?: boolean;
  'x-ignoredSince'?: string;
  /** Platforms whose dockerd accepts the key but ignores it (mtu on Windows). */
  'x-ignoredOn'?: string[];
  'x-supersededBy'?: string;
  'x-supersededIn'?: string;
  'x-logDrivers'?: Record<string, LogDriverInfo>;
  'x-everyDriverOptions'?: string[];
  'x-optionDocs'?: Record<string, string>;
  /** log-opts: option name → its documented values (all JSON strings). */
  'x-optionValues'?: Record<string, Record<string, ValueInfo>>;
  'x-ulimitNames'?: string[];
}

export interface RejectedKey {
  since: string;
  message: string;
  replacement?: string;
}

interface DaemonSchema extends SchemaNode {
  $schema: string;
  properties: Record<string, SchemaNode>;
  'x-singularKeys': Record<string, string>;
  'x-rejectedKeys': Record<string, RejectedKey>;
  'x-flagOnlyKeys': Record<string, RejectedKey>;
  'x-topLevelProxyKeys': { keys: string[]; flagsSince: string };
}

export const DAEMON_SCHEMA = schemaJson as unknown as DaemonSchema;
export const TOP_LEVEL = DAEMON_SCHEMA.properties;
export const SINGULAR_KEYS = DAEMON_SCHEMA['x-singularKeys'];
export const REJECTED_KEYS = DAEMON_SCHEMA['x-rejectedKeys'];
export const FLAG_ONLY_KEYS = DAEMON_SCHEMA['x-flagOnlyKeys'];
export const PROXY_KEYS = DAEMON_SCHEMA['x-topLevelProxyKeys'];

/**
 * Object-valued keys dockerd keeps as objects; every other object is flattened into its
 * children before the unknown-key check (moby daemon/config/config.go `flatOptions`).
 */
export function isFlatOption(key: string): boolean {
  const e = TOP_LEVEL[key];
  return !!e && mainType(e) === 'object' && key !== 'proxies';
}

export function topLevelEntry(key: string): SchemaNode | undefined {
  return Object.prototype.hasOwnProperty.call(TOP_LEVEL, key) ? TOP_LEVEL[key] : undefined;
}

/** The JSON type of a node without the `null` every top-level key also accepts. */
export function mainType(node: SchemaNode): string | undefined {
  const t = node.type;
  if (Array.isArray(t)) return t.find((x) => x !== 'null');
  return t;
}

/**
 * A version string of our data ("23.0"), parsed once: rules compare versions for every
 * key on every edit. Only data strings come here, so the memo stays small.
 */
const dataVersions = new Map<string, EngineVersion>();
export function dataVersion(text: string): EngineVersion {
  let v = dataVersions.get(text);
  if (!v) {
    v = parseEngineVersion(text);
    if (!v) throw new Error(`bad version in data: ${text}`);
    dataVersions.set(text, v);
  }
  return v;
}

/** True when `version` is `since` (a version string of our data) or newer. */
export function reached(version: EngineVersion, since: string): boolean {
  return compareEngineVersions(version, dataVersion(since)) >= 0;
}

export type Availability =
  | { state: 'ok' }
  | { state: 'notYet'; since: string }
  | { state: 'removed'; removed: string; replacement?: string }
  | { state: 'deprecated'; deprecated: string; replacement?: string }
  | { state: 'ignored'; since: string }
  | { state: 'platform'; platforms: string[]; removed?: string };

/** What the target Engine makes of a key or value, from its x- version fields. */
export function availability(info: ValueInfo & { 'x-ignoredSince'?: string }, version: EngineVersion, platform: string): Availability {
  const platforms = info['x-platforms'];
  if (platforms && !platforms.includes(platform)) {
    // Accepted there by older Engines (e.g. storage-driver on Windows before 23.0).
    const removed = info['x-platformRemoved']?.[platform];
    if (!removed) return { state: 'platform', platforms };
    if (reached(version, removed)) return { state: 'platform', platforms, removed };
  }
  if (info['x-since'] && !reached(version, info['x-since'])) return { state: 'notYet', since: info['x-since'] };
  if (info['x-removed'] && reached(version, info['x-removed'])) {
    return { state: 'removed', removed: info['x-removed'], replacement: info['x-replacement'] };
  }
  if (info['x-ignoredSince'] && reached(version, info['x-ignoredSince'])) return { state: 'ignored', since: info['x-ignoredSince'] };
  if (info['x-deprecated'] && reached(version, info['x-deprecated'])) {
    return { state: 'deprecated', deprecated: info['x-deprecated'], replacement: info['x-replacement'] };
  }
  return { state: 'ok' };
}

/** The schema of a child of `node` named `key` (properties, then additionalProperties). */
export function childSchema(node: SchemaNode | undefined, key: string): SchemaNode | undefined {
  if (!node) return undefined;
  if (node.properties && Object.prototype.hasOwnProperty.call(node.properties, key)) return node.properties[key];
  return typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
}

export function logDrivers(): Record<string, LogDriverInfo> {
  return TOP_LEVEL['log-driver']['x-logDrivers'] ?? {};
}
