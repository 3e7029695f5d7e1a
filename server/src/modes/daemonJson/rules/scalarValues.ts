import * as l10n from '@vscode/l10n';
import { sentences } from '../../localized';
import { availability, topLevelEntry } from '../daemonSchema';
import type { DaemonJsonFix, DaemonJsonProblem, DaemonJsonRule, TopProperty } from '../model';
import { problemAt } from '../problemAt';
import { type Target, target } from '../target';
import { refusedSince, refuses, SIZE } from '../valueRules';

/**
 * Enumerated values (with their version history from the schema's x-values), numeric
 * bounds, and size strings. dockerd checks these in `Validate` or at start and refuses
 * to start (docker-facts §2.5–2.6, §1.4.8–1.4.9; runs on 20.10).
 */
const ENUM_KEYS = ['log-level', 'log-format', 'default-cgroupns-mode', 'default-ipc-mode', 'firewall-backend'];

export const scalarValues: DaemonJsonRule = (model, ctx) => {
  const t = target(ctx);
  const out: DaemonJsonProblem[] = [];
  for (const p of model.topProperties) judgeProperty(t, p, out);
  return out;
};

/** Judges one top-level value by itself. */
function judgeProperty(t: Target, p: TopProperty, out: DaemonJsonProblem[]): void {
  const v = p.value;
  const entry = topLevelEntry(p.name);
  if (!v || !entry) return;
  if (v.type === 'string' && ENUM_KEYS.includes(p.name)) {
    const raw = String(v.value);
    // An empty string is "not set": the flag default fills it in (docker-facts §2.1 step 9).
    if (raw === '') return;
    const value = entry['x-caseInsensitive'] ? raw.toLowerCase() : raw;
    const values = entry['x-values'] ?? {};
    const info = values[value];
    const allowed = Object.entries(values).filter(([, i]) => availability(i, t.version, t.platform).state === 'ok').map(([k]) => k);
    if (!info) {
      out.push(problemAt(v, 'error', 'invalid-value', l10n.t('"{0}" is not a valid {1}: dockerd refuses to start. Use one of {2}.', raw, p.name, allowed.map((a) => `"${a}"`).join(', '))));
      return;
    }
    const a = availability(info, t.version, t.platform);
    if (a.state === 'removed') {
      const fixes: DaemonJsonFix[] = a.replacement ? [{ title: l10n.t('Change to "{0}"', a.replacement), kind: 'replaceValue', path: p.path, from: v.value, to: a.replacement }] : [];
      out.push(problemAt(v, 'error', 'value-removed', sentences(l10n.t('{0} "{1}" is refused since Engine {2}.', p.name, raw, a.removed), a.replacement ? l10n.t('Use "{0}".', a.replacement) : ''), fixes));
    } else if (a.state === 'notYet') {
      out.push(problemAt(v, 'error', 'value-not-available', l10n.t('{0} "{1}" needs Engine {2}; Engine {3} refuses it.', p.name, raw, a.since, t.versionText)));
    }
    return;
  }
  if (v.type === 'number' && typeof v.value === 'number') {
    const n = v.value;
    if (n < 0 && (p.name === 'mtu')) {
      const err = refuses('negative-count', t.version);
      out.push(problemAt(v, err ? 'error' : 'warning', 'invalid-number', err ? l10n.t('"{0}" cannot be negative: dockerd refuses to start.', p.name) : l10n.t('A negative "{0}" is accepted by Engine {1} but refused from Engine {2}; use a positive value.', p.name, t.versionText, String(refusedSince('negative-count')))));
    } else if (n < 0 && (p.name.startsWith('max-') || p.name === 'default-stop-timeout')) {
      out.push(problemAt(v, 'error', 'invalid-number', l10n.t('"{0}" cannot be negative: dockerd refuses to start.', p.name)));
    } else if (n === 0 && p.name === 'max-download-attempts' && refuses('zero-download-attempts', t.version)) {
      out.push(problemAt(v, 'error', 'invalid-number', l10n.t('Engine {0} refuses "max-download-attempts": 0; use 1 or more.', t.versionText)));
    } else if ((entry.maximum !== undefined && n > entry.maximum) || (p.name === 'network-diagnostic-port' && n < 0)) {
      out.push(problemAt(v, 'error', 'invalid-number', l10n.t('"{0}" must be between {1} and {2}: dockerd refuses to start.', p.name, entry.minimum ?? 0, entry.maximum ?? '')));
    }
    return;
  }
  // metrics-addr is handed to net.Listen("tcp", …), which needs host:port (run on 20.10).
  if (p.name === 'metrics-addr' && v.type === 'string' && v.value !== '' && !/^(\[[^\]]*\]|[^:[\]]*):\d{0,5}$/.test(String(v.value))) {
    out.push(problemAt(v, 'error', 'invalid-metrics-addr', l10n.t('"{0}" is not host:port: dockerd refuses to start. Write e.g. "127.0.0.1:9323".', String(v.value))));
    return;
  }
  if (v.type === 'string' && entry['x-format'] === 'size' && v.value !== '' && !SIZE.test(String(v.value))) {
    out.push(problemAt(v, 'error', 'invalid-size', l10n.t('"{0}" is not a size: dockerd refuses to start. Write a number with an optional unit, e.g. "64m" or "1g".', String(v.value))));
  }
}
