import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import { BOOLEANS, directiveEntry, type DirectiveEntry } from '../directiveSchema';
import type { DropinFix, DropinModel } from '../model';
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
const REJECTS_EMPTY = new Set(['enum', 'timespan', 'limit', 'limitSize', 'unsigned']);
// TasksMax= takes a count, or a share of the system limit via parse_permyriad():
// up to two decimals in %, one in ‰, none in ‱; above 0 and at most 100%.
// ‰ and ‱ are written as \u escapes: one non-ASCII character in the bundle makes V8
// hold the whole server source as a two-byte string (about 0.6 MB more resident, #8).
const TASKS_MAX = /^(?:infinity|[1-9]\d*|\d{1,3}(?:\.\d{1,2})?%|\d{1,4}(?:\.\d)?\u2030|\d{1,5}\u2031)$/;

function tasksMaxOk(value: string): boolean {
  if (!TASKS_MAX.test(value)) return false;
  const m = /^([\d.]+)(%|\u2030|\u2031)$/.exec(value);
  if (!m) return true;
  const permyriad = Number(m[1]) * (m[2] === '%' ? 100 : m[2] === '\u2030' ? 10 : 1);
  return permyriad > 0 && permyriad <= 10000;
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
      return /^-?\//.test(value) ? undefined : 'the path must be absolute (a leading - makes a missing file harmless)';
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
