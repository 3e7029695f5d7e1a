import * as l10n from '@vscode/l10n';
import { localized } from '../localized';
import { readDataFile } from '../../shared/dataFile';

const schema = readDataFile<typeof import('../../../../schemas/compose-networks.schema.json')>('schemas/compose-networks.schema.json');

/**
 * Typed access to schemas/compose-networks.schema.json: the one source of key names,
 * types, formats, values and docs for completion, hover and validation.
 */
export type DefinitionName = 'network' | 'ipam' | 'ipamConfig' | 'externalObject' | 'serviceNetwork' | 'service';

export type PropertyType =
  | 'string'
  | 'boolean'
  | 'number'
  | 'object'
  | 'map-of-scalars'
  | 'map-of-strings'
  | 'list-of-strings'
  | 'list-of-objects'
  | 'list-or-dict'
  | 'networks-list-or-map';

export type ValueFormat = 'cidr' | 'ip' | 'ipv4' | 'ipv6' | 'mac';

export interface ValueDoc {
  value: string;
  description: string;
  /** The value is a prefix to be completed (`service:` + a service name). */
  'x-prefix'?: boolean;
}

export interface PropertySchema {
  type: PropertyType;
  description: string;
  'x-docs'?: string;
  $ref?: DefinitionName;
  'x-object'?: DefinitionName;
  'x-values'?: ValueDoc[];
  'x-format'?: ValueFormat;
  'x-creation'?: boolean;
  'x-since-compose'?: string;
  'x-deprecated'?: string;
  deprecated?: boolean;
  'x-engine-min'?: { version: string; severity: 'error' | 'warning'; effect: string };
}

export interface DefinitionSchema {
  title: string;
  description: string;
  'x-docs'?: string;
  properties: Record<string, PropertySchema>;
}

const definitions = schema.definitions as unknown as Record<DefinitionName, DefinitionSchema>;

export const NETWORK_KEY_PATTERN = new RegExp(schema['x-network-key-pattern']);
export const PREDEFINED_NETWORKS: readonly string[] = schema['x-predefined-networks'];
export const IMPLICIT_NETWORK: string = schema['x-implicit-network'];
export const SCHEMA_REVISION: string = schema['x-source'].revision;

export function definition(name: DefinitionName): DefinitionSchema {
  return definitions[name];
}

export function property(def: DefinitionName, key: string): PropertySchema | undefined {
  const props = definitions[def].properties;
  return Object.prototype.hasOwnProperty.call(props, key) ? props[key] : undefined;
}

export function propertyNames(def: DefinitionName): string[] {
  return Object.keys(definitions[def].properties);
}

/** Keys starting with `x-` are extensions, allowed wherever the spec allows them. */
export function isExtensionKey(key: string): boolean {
  return key.startsWith('x-');
}

/** The one renderer of a property's docs: hover and completion both show this text. */
export function renderProperty(def: DefinitionName, key: string): string | undefined {
  const p = property(def, key);
  if (!p) return undefined;
  const lines = [`**${key}** (${localized(definitions[def], 'title')}) · \`${p.type}\``, '', localized(p, 'description')];
  const deprecated = localized(p, 'x-deprecated');
  if (deprecated) lines.push('', l10n.t('Deprecated: {0}', deprecated));
  if (p['x-since-compose']) lines.push('', l10n.t('Since Docker Compose {0}.', p['x-since-compose']));
  if (p['x-engine-min']) lines.push('', l10n.t('Needs Docker Engine {0} or later.', p['x-engine-min'].version));
  if (p['x-values']?.length) lines.push('', l10n.t('Values: {0}', p['x-values'].map((v) => `\`${v.value}\``).join(', ')));
  if (p['x-docs']) lines.push('', `[${l10n.t('Reference')}](${p['x-docs']})`);
  return lines.join('\n');
}

/** Docs of one value of a property (`driver: macvlan`), for hover and completion. */
export function renderValue(def: DefinitionName, key: string, value: string): string | undefined {
  const v = property(def, key)?.['x-values']?.find((x) => x.value === value || (x['x-prefix'] && value.startsWith(x.value)));
  if (!v) return undefined;
  return `**${key}: ${v.value}**\n\n${localized(v, 'description')}`;
}

/** Engine releases where network behaviour changed ("MAJOR.MINOR", see the schema's x-engine). */
export const ENGINE_CHANGES: { ipamValidation: string; staticIpAnySubnet: string } = schema['x-engine'];

/** Pools and prefix lengths for free-subnet proposals (see the schema's x-free-subnet-pools). */
export const FREE_SUBNET_POOLS: { ipv4: string[]; ipv4Prefix: number; ipv6: string[]; ipv6Prefix: number } = schema['x-free-subnet-pools'];
