import { readDataFile } from '../../shared/dataFile';
import { localized } from '../localized';

const schema = readDataFile<typeof import('../../../../schemas/systemd-directives.json')>('schemas/systemd-directives.json');

/**
 * Typed access to schemas/systemd-directives.json, the one source of directive names,
 * value forms, docs and proxy facts for completion, hover and validation.
 */

export type ValueKind =
  'environment' | 'envFile' | 'command' | 'enum' | 'timespan' | 'limit' | 'limitSize' | 'tasksMax' | 'memoryLimit' | 'memorySize' | 'cpuQuota' | 'weight' | 'delegate' | 'oomScore' | 'unsigned' | 'units' | 'string';

export interface DirectiveEntry {
  form: string;
  kind: ValueKind;
  docs: string;
  man: string;
  specifiers?: boolean;
  /** An enum that accepts an empty value (reset to the default). */
  allowEmpty?: boolean;
  values?: string[];
  controllers?: string[];
  example?: string;
}

export interface ProxyVariableEntry {
  kind: 'url' | 'noProxy';
  lowercase: string;
  docs: string;
  example: string;
}

export type SectionName = 'Unit' | 'Service' | 'Install';

export const SECTION_NAMES: readonly SectionName[] = ['Unit', 'Service', 'Install'];

export const MAN_BASE: string = schema.manBase;
export const SYSTEMD_VERSION: string = schema.systemdVersion;

export const SECTIONS: Readonly<Record<SectionName, { docs: string; man: string }>> = schema.sections;

export const DIRECTIVES: Readonly<Record<SectionName, Readonly<Record<string, DirectiveEntry>>>> = schema.directives as unknown as Record<
  SectionName,
  Record<string, DirectiveEntry>
>;

export const KNOWN_DIRECTIVES: Readonly<Record<SectionName, ReadonlySet<string>>> = {
  Unit: new Set(schema.knownDirectives.Unit),
  Service: new Set(schema.knownDirectives.Service),
  Install: new Set(schema.knownDirectives.Install),
};

export const REMOVED_DIRECTIVES: Readonly<Record<string, readonly string[]>> = schema.removedDirectives;

export const BOOLEANS: readonly string[] = schema.booleans;

export const PROXY_VARIABLES: Readonly<Record<string, ProxyVariableEntry>> = schema.proxyVariables as Record<string, ProxyVariableEntry>;

export const IGNORED_PROXY_VARIABLES: Readonly<Record<string, string>> = schema.ignoredProxyVariables;

/** Why an ignored proxy variable has no effect, in the display language (#23). */
export function ignoredProxyVariableDocs(): Readonly<Record<string, string>> {
  return localized(schema, 'ignoredProxyVariables');
}

/** The facts about dockerd's proxy variables, in the display language (#23). */
export function proxyFacts(): typeof schema.proxyFacts {
  return localized(schema, 'proxyFacts');
}

/** What each specifier stands for, in the display language (#23). */
export function specifierDocs(): Readonly<Record<string, string>> {
  return localized(schema, 'specifiers');
}

/** The `%` specifiers systemd knows, with what each stands for (resolved in specifiers.ts). */
export const SPECIFIERS: Readonly<Record<string, string>> = schema.specifiers;

export function isSectionName(name: string | undefined): name is SectionName {
  return name === 'Unit' || name === 'Service' || name === 'Install';
}

export function directiveEntry(section: string | undefined, key: string): DirectiveEntry | undefined {
  if (!isSectionName(section)) return undefined;
  return Object.prototype.hasOwnProperty.call(DIRECTIVES[section], key) ? DIRECTIVES[section][key] : undefined;
}

/** Each of the six spellings to its upper-case name (rules ask for every variable of the file). */
const PROXY_SPELLINGS: ReadonlyMap<string, string> = new Map(
  Object.entries(PROXY_VARIABLES).flatMap(([upper, entry]): [string, string][] => [
    [upper, upper],
    [entry.lowercase, upper],
  ]),
);

/** The proxy variable `name` stands for, upper-case, if it is one of the six spellings Go reads. */
export function proxyVariableOf(name: string): string | undefined {
  return PROXY_SPELLINGS.get(name);
}


export function manUrl(man: string): string {
  return MAN_BASE + man;
}
