import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import { BOOLEANS, directiveEntry, type DirectiveEntry } from '../directiveSchema';
import { type DropinFix, type DropinModel, removeLineFix } from '../model';
import { resolveSpecifiers } from '../specifiers';

/**
 * Values systemd 252 cannot parse for the directives the schema describes: it logs
 * "Failed to parse …, ignoring" and keeps the previous setting (verified with
 * systemd-analyze verify for every kind below). The value grammars are those of
 * systemd.time(7) (time spans), systemd.exec(5) (Limit*=, OOMScoreAdjust=,
 * EnvironmentFile=), systemd.resource-control(5) (TasksMax=, Delegate=).
 */
const TIME_UNIT = '(?:usec|us|µs|msec|ms|seconds|second|sec|s|minutes|minute|min|m|hours|hour|hr|h|days|day|d|weeks|week|w|months|month|M|years|year|y)';
const TIMESPAN = new RegExp(`^(?:infinity|(?:\\s*\\d+(?:\\.\\d+)?\\s*${TIME_UNIT}?)+\\s*)$`);
const COUNT = '(?:infinity|\\d+)';
const LIMIT = new RegExp(`^${COUNT}(?::${COUNT})?$`);
const SIZE = '(?:infinity|\\d+(?:\\.\\d+)?\\s*[KMGTPEB]?)';
const LIMIT_SIZE = new RegExp(`^${SIZE}(?::${SIZE})?$`);
const REJECTS_EMPTY = new Set(['enum', 'timespan', 'limit', 'limitSize', 'unsigned']); // an empty memory, CPU or weight value resets it (systemd-analyze verify 252)
// TasksMax= takes a count, or a share of the system limit via parse_permyriad():
// up to two decimals in %, one in ‰, none in ‱; above 0 and at most 100%.
// ‰ and ‱ are written as \u escapes: one non-ASCII character in the bundle makes V8
// hold the whole server source as a two-byte string (about 0.6 MB more resident, #8).
const TASKS_MAX = /^(?:infinity|[1-9]\d*|\d{1,3}(?:\.\d{1,2})?%|\d{1,4}(?:\.\d)?\u2030|\d{1,5}\u2031)$/;

/** A share written as systemd's parse_permyriad() reads it, in permyriad; undefined when it is not one. */
function permyriad(value: string): number | undefined {
  if (!/^(?:\d{1,3}(?:\.\d{1,2})?%|\d{1,4}(?:\.\d)?\u2030|\d{1,5}\u2031)$/.test(value)) return undefined;
  const m = /^([\d.]+)(%|\u2030|\u2031)$/.exec(value)!;
  return Number(m[1]) * (m[2] === '%' ? 100 : m[2] === '\u2030' ? 10 : 1);
}

function tasksMaxOk(value: string): boolean {
  if (!TASKS_MAX.test(value)) return false;
  const p = permyriad(value);
  return p === undefined || (p > 0 && p <= 10000);
}

// parse_size() with base 1024: numbers (decimals allowed), each followed by a suffix
// (B, K, M, G, T, P, E; case matters) but the last, which may stand alone
// ("1G 512M", "1.5G", "1 G" and "1.5" pass, "1 2", "1g", "1GB" do not: systemd-analyze verify 252).
const MEMORY_SIZE = /^(?:\d+(?:\.\d+)?\s*[KMGTPEB]\s*)*\d+(?:\.\d+)?\s*[KMGTPEB]?$/;

/**
 * MemoryMax=, MemoryHigh= and the other memory settings (systemd.resource-control(5);
 * src/core/load-fragment.c `config_parse_memory_limit` in 252): infinity, a share of
 * physical memory (parse_permyriad, at most 100%), or a size. Zero is out of range except
 * for MemoryMin=, MemoryLow= and MemorySwapMax= (`zero`). Variables are not expanded here:
 * `MemoryMax=${LIMIT}` is "Invalid memory limit" (#17).
 */
function memoryProblem(value: string, zero: boolean): string | undefined {
  if (value === 'infinity') return undefined;
  const share = permyriad(value);
  const hint = value.includes('$')
    ? l10n.t('write a size such as 512M or 2G (suffixes K, M, G, T in capitals), a share of the memory such as 50%, or infinity; systemd does not expand variables outside Exec*= lines')
    : l10n.t('write a size such as 512M or 2G (suffixes K, M, G, T in capitals), a share of the memory such as 50%, or infinity');
  if (share === undefined && !MEMORY_SIZE.test(value)) return hint;
  if (share !== undefined && share > 10000) return l10n.t('a share of the memory is at most 100%');
  const isZero = share === 0 || (share === undefined && !/[1-9]/.test(value));
  return isZero && !zero ? l10n.t('zero is out of range here; remove the line or write infinity for no limit') : undefined;
}

/** Returns why `value` is refused, or undefined when systemd accepts it. */
export function valueProblem(entry: DirectiveEntry, value: string): string | undefined {
  switch (entry.kind) {
    case 'enum':
      return entry.values?.includes(value) ? undefined : l10n.t('use one of {0}', entry.values?.join(', ') ?? '');
    case 'timespan':
      return TIMESPAN.test(value) ? undefined : l10n.t('write a time span such as 90, 90s, 5min 20s or infinity');
    case 'limit':
      return LIMIT.test(value) ? undefined : l10n.t('write a number, infinity, or soft:hard');
    case 'limitSize':
      return LIMIT_SIZE.test(value) ? undefined : l10n.t('write a size such as 0, 512M, infinity, or soft:hard');
    case 'tasksMax':
      return tasksMaxOk(value) ? undefined : l10n.t('write a positive number, a percentage above 0% and at most 100% (two decimals at most), or infinity');
    case 'memoryLimit':
    case 'memorySize':
      return memoryProblem(value, entry.kind === 'memorySize');
    case 'cpuQuota': {
      // parse_percent_unbounded(): a percentage above 0, more than 100% for several CPUs.
      const m = /^(\d+(?:\.\d+)?)%$/.exec(value);
      if (m && Number(m[1]) > 0) return undefined;
      return value.includes('$')
        ? l10n.t('write a percentage above 0%, such as 50% (200% is two CPUs); systemd does not expand variables outside Exec*= lines')
        : l10n.t('write a percentage above 0%, such as 50% (200% is two CPUs)');
    }
    case 'weight':
      return (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 10000) || (value === 'idle' && entry.values?.includes('idle')) ? undefined : entry.values?.includes('idle') ? l10n.t('write a whole number from 1 to 10000, or idle') : l10n.t('write a whole number from 1 to 10000');
    case 'unsigned':
      return /^\d+$/.test(value) ? undefined : l10n.t('write a non-negative whole number');
    case 'oomScore': {
      if (!/^[-+]?\d+$/.test(value)) return l10n.t('write a whole number from -1000 to 1000');
      const n = Number(value);
      return n >= -1000 && n <= 1000 ? undefined : l10n.t('write a whole number from -1000 to 1000');
    }
    case 'delegate': {
      if (BOOLEANS.includes(value.toLowerCase())) return undefined;
      const bad = value.split(/\s+/).find((c) => !entry.controllers?.includes(c));
      return bad === undefined ? undefined : l10n.t('"{0}" is neither yes/no nor a cgroup controller ({1})', bad, entry.controllers?.join(', ') ?? '');
    }
    case 'envFile':
      return /^-?\//.test(value) ? undefined : l10n.t('the path must be absolute (a leading - makes a missing file harmless)');
    default:
      return undefined;
  }
}

export const invalidValue: Rule<DropinModel, DropinFix> = (model) => {
  const out: Problem<DropinFix>[] = [];
  for (const a of model.effective) {
    const entry = directiveEntry(a.section.name, a.key);
    if (!entry) continue;
    // An empty value resets many directives to their default; enums (but KillMode=),
    // time spans, limits and counts refuse it (systemd-analyze verify 252).
    if (a.value.text.length === 0) {
      if (REJECTS_EMPTY.has(entry.kind) && !entry.allowEmpty) {
        out.push({
          range: [a.keySpan.start, a.keySpan.end],
          severity: 'error',
          code: 'invalid-value',
          message: l10n.t('systemd ignores this line: {0}= needs a value here; remove the line to keep the default.', a.key),
          fixes: [{ ...removeLineFix(model, a, l10n.t('Remove the {0}= line', a.key)), preferred: true, safe: true }],
        });
      }
      continue;
    }
    // Specifiers make the value unknown until systemd expands it.
    if (entry.kind !== 'envFile' && a.value.text.includes('%') && resolveSpecifiers(a.value.text, a.value.offsets).uses.length > 0) continue;
    const problem = valueProblem(entry, a.value.text);
    if (!problem) continue;
    out.push({
      range: [a.value.offsets[0], a.value.offsets[a.value.text.length - 1] + 1],
      severity: 'error',
      code: 'invalid-value',
      message: l10n.t('systemd ignores this line: "{0}" is not a valid {1}= value; {2}.', a.value.text, a.key, problem),
    });
  }
  return out;
};
