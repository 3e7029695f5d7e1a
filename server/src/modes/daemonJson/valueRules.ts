import { compareEngineVersions, type EngineVersion } from '../../shared/engineVersion';
import { dataVersion, reached } from './daemonSchema';
import { readDataFile } from '../../shared/dataFile';

const valueRules = readDataFile<typeof import('../../../../schemas/daemonValueRules.json')>('schemas/daemonValueRules.json');

/** Typed access to schemas/daemonValueRules.json (version thresholds and vocabularies of value checks). */
interface Check {
  keys?: string[];
  /** The first Engine that no longer applies the setting (it warns and goes on). */
  ignoredSince?: string;
  errorSince?: string;
  errorUntil?: string;
}
export const VALUE_RULES = valueRules as unknown as {
  checks: Record<string, Check>;
  featureDefaults: Record<string, { trueSince: string }>;
  alwaysInsecureRegistries: { cidrs: string[] };
  hostSchemes: Record<'linux' | 'windows', string[]>;
  reservedLabelNamespaces: string[];
  cgroupDrivers: string[];
  execOpts: Record<'linux' | 'windows', string[]>;
  logModes: string[];
  isolationValues: { values: string[] };
};

/** True when the target Engine refuses to start for check `name` (else it only warns). */
export function refuses(name: string, version: EngineVersion): boolean {
  const c = VALUE_RULES.checks[name];
  if (!c) throw new Error(`unknown check ${name}`);
  if (c.errorSince && !reached(version, c.errorSince)) return false;
  // errorUntil: the last Engine that refuses.
  if (c.errorUntil && compareEngineVersions(version, dataVersion(c.errorUntil)) > 0) return false;
  return true;
}

/** The first Engine that refuses for check `name` ("25.0"), for messages. */
export function refusedSince(name: string): string | undefined {
  return VALUE_RULES.checks[name]?.errorSince;
}

/** The first Engine that ignores the setting of check `name` ("23.0"), for messages. */
export function ignoredSince(name: string): string | undefined {
  return VALUE_RULES.checks[name]?.ignoredSince;
}

/**
 * Whether feature switch `name` is on for the target Engine: its value in daemon.json
 * when it is a boolean, else the Engine's default (on from `featureDefaults[name].trueSince`).
 */
export function featureOn(name: string, value: unknown, version: EngineVersion): boolean {
  if (typeof value === 'boolean') return value;
  const since = VALUE_RULES.featureDefaults[name]?.trueSince;
  return since !== undefined && reached(version, since);
}

/** Go's units.RAMInBytes format, used for default-shm-size and log sizes ("64m", "1g", "10MiB"). */
export const SIZE = /^(\d+(\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/;
