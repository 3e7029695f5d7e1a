import { findFreeSubnet, parseCidr, type ParsedCidr } from '../../shared/cidr';
import type { ModeContext } from '../languageMode';
import { logDrivers, mainType, TOP_LEVEL } from './daemonSchema';
import { type DaemonJsonModel, logDriverOf, properties, stringValue, topValue } from './model';

/**
 * Whole values for completion where the schema knows their shape (#20: inside
 * `"default-address-pools": [ ]` completion offered nothing of ours, and VS Code's plain words):
 * an address pool, a ulimit, a runtime, a set of log options. Each comes from the key's
 * `examples` in schemas/daemon.schema.json, adapted to where it goes: a pool's base is a
 * block that overlaps nothing the file or the Engine uses, a ulimit's `Name` is its key, log
 * options are those of the file's logging driver. Paths are those of `locationAt`: a key and,
 * below it, an array index or an entry name.
 */
export function wholeValues(model: DaemonJsonModel, path: readonly (string | number)[], ctx: ModeContext): unknown[] {
  const key = path[0];
  if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(TOP_LEVEL, key)) return [];
  const entry = TOP_LEVEL[key];
  const example = (entry.examples as unknown[] | undefined)?.[0];
  if (example === undefined || example === null) return [];
  if (key === 'default-address-pools') {
    const pool = { ...(example as Array<Record<string, unknown>>)[0], base: freePoolBase(model, ctx) ?? (example as Array<Record<string, unknown>>)[0].base };
    if (path.length === 1) return [[pool]];
    if (path.length === 2 && typeof path[1] === 'number') return [pool];
    return [];
  }
  if (key === 'log-opts') return path.length === 1 ? logOptions(model, example as Record<string, string>) : [];
  if (path.length === 1) return mainType(entry) === 'object' || mainType(entry) === 'array' ? [example] : [];
  // The value of one entry of an object keyed by name (a ulimit, a runtime, a driver's options).
  const name = path[1];
  if (path.length !== 2 || typeof name !== 'string' || typeof entry.additionalProperties !== 'object') return [];
  const [first] = Object.values(example as Record<string, unknown>);
  if (!first || typeof first !== 'object') return [];
  // A ulimit repeats its name inside (moby's units.Ulimit; dockerd takes the key's).
  return [key === 'default-ulimits' ? { ...(first as Record<string, unknown>), Name: name } : first];
}

/**
 * A /16 for a new address pool that overlaps none of the file's pools, its bridge addresses
 * and the live networks: the example's 10.201.0.0/16 if free, else the next free one in 10/8.
 */
function freePoolBase(model: DaemonJsonModel, ctx: ModeContext): string | undefined {
  const taken: ParsedCidr[] = [];
  const add = (text: string | undefined): void => {
    const c = text ? parseCidr(text) : undefined;
    if (c) taken.push(c);
  };
  for (const p of topValue(model, 'default-address-pools')?.children ?? []) add(stringValue(properties(p).find((q) => q.name === 'base')?.value));
  for (const k of ['bip', 'fixed-cidr']) add(stringValue(topValue(model, k)));
  for (const n of ctx.liveNetworks ?? []) for (const s of n.subnets) add(s.subnet);
  return findFreeSubnet(['10.201.0.0/16', '10.0.0.0/8'], 16, taken);
}

/** The example's log options that the file's logging driver takes; none when it takes none of them. */
function logOptions(model: DaemonJsonModel, example: Record<string, string>): unknown[] {
  const driver = logDriverOf(model);
  const options = new Set((logDrivers()[driver] as { options?: string[] } | undefined)?.options ?? []);
  const kept = Object.fromEntries(Object.entries(example).filter(([o]) => options.has(o)));
  return Object.keys(kept).length > 0 ? [kept] : [];
}

/** A value as one line of JSON, as the completion list shows it: `{ "base": "10.201.0.0/16", "size": 24 }`. */
export function valueText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(valueText).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${valueText(v)}`);
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  return JSON.stringify(value);
}

/** The same text as a snippet: each leaf a tab stop holding its value, in order. */
export function valueSnippet(value: unknown): string {
  let n = 0;
  const escape = (t: string): string => t.replace(/[$}\\]/g, (c) => `\\${c}`);
  const walk = (v: unknown, key?: string): string => {
    if (Array.isArray(v)) return `[${v.map((x) => walk(x)).join(', ')}]`;
    if (v && typeof v === 'object') {
      const entries = Object.entries(v).map(([k, x]) => `${escape(JSON.stringify(k))}: ${walk(x, k)}`);
      return entries.length ? `{ ${entries.join(', ')} }` : '{}';
    }
    // A ulimit's Name must stay its key: no tab stop there.
    if (key === 'Name') return escape(JSON.stringify(v));
    const text = escape(typeof v === 'string' ? JSON.stringify(v).slice(1, -1) : JSON.stringify(v));
    return typeof v === 'string' ? `"\${${++n}:${text}}"` : `\${${++n}:${text}}`;
  };
  return walk(value);
}
