import type { Diagnostic } from 'vscode-languageserver-types';
import { availability, topLevelEntry } from '../daemonSchema';
import { diag, type DiagnosticData, type PropertyRule, type RuleContext } from '../ruleContext';
import type { Property } from '../parseDaemonJson';
import { refusedSince, refuses, SIZE } from '../valueRules';

/**
 * Enumerated values (with their version history from the schema's x-values), numeric
 * bounds, and size strings. dockerd checks these in `Validate` or at start and refuses
 * to start (docker-facts §2.5–2.6, §1.4.8–1.4.9; runs on 20.10).
 */
const ENUM_KEYS = ['log-level', 'log-format', 'default-cgroupns-mode', 'default-ipc-mode', 'firewall-backend'];

/** Judges each top-level value by itself: its verdicts are kept between edits (runRules.ts). */
export const scalarValues: PropertyRule = { name: 'scalarValues', perProperty: judgeProperty };

function judgeProperty(rc: RuleContext, p: Property): Diagnostic[] {
  const out: Diagnostic[] = [];
  const v = p.value;
  const entry = topLevelEntry(p.name);
  if (!v || !entry) return out;
  if (v.type === 'string' && ENUM_KEYS.includes(p.name)) {
    const raw = String(v.value);
    // An empty string is "not set": the flag default fills it in (docker-facts §2.1 step 9).
    if (raw === '') return out;
    const value = entry['x-caseInsensitive'] ? raw.toLowerCase() : raw;
    const values = entry['x-values'] ?? {};
    const info = values[value];
    const allowed = Object.entries(values).filter(([, i]) => availability(i, rc.version, rc.platform).state === 'ok').map(([k]) => k);
    if (!info) {
      out.push(diag(rc, v, 'error', 'invalid-value', `"${raw}" is not a valid ${p.name}: dockerd refuses to start. Use one of ${allowed.map((a) => `"${a}"`).join(', ')}.`));
      return out;
    }
    const a = availability(info, rc.version, rc.platform);
    if (a.state === 'removed') {
      const fixes: DiagnosticData['fixes'] = a.replacement ? [{ title: `Change to "${a.replacement}"`, fix: { kind: 'replaceValue', to: a.replacement } }] : [];
      out.push(diag(rc, v, 'error', 'value-removed', `${p.name} "${raw}" is refused since Engine ${a.removed}.${a.replacement ? ` Use "${a.replacement}".` : ''}`, fixes));
    } else if (a.state === 'notYet') {
      out.push(diag(rc, v, 'error', 'value-not-available', `${p.name} "${raw}" needs Engine ${a.since}; Engine ${rc.versionText} refuses it.`));
    }
    return out;
  }
  if (v.type === 'number' && typeof v.value === 'number') {
    const n = v.value;
    if (n < 0 && (p.name === 'mtu')) {
      const err = refuses('negative-count', rc.version);
      out.push(diag(rc, v, err ? 'error' : 'warning', 'invalid-number', err ? `"${p.name}" cannot be negative: dockerd refuses to start.` : `A negative "${p.name}" is accepted by Engine ${rc.versionText} but refused from Engine ${refusedSince('negative-count')}; use a positive value.`));
    } else if (n < 0 && (p.name.startsWith('max-') || p.name === 'default-stop-timeout')) {
      out.push(diag(rc, v, 'error', 'invalid-number', `"${p.name}" cannot be negative: dockerd refuses to start.`));
    } else if (n === 0 && p.name === 'max-download-attempts' && refuses('zero-download-attempts', rc.version)) {
      out.push(diag(rc, v, 'error', 'invalid-number', `Engine ${rc.versionText} refuses "max-download-attempts": 0; use 1 or more.`));
    } else if ((entry.maximum !== undefined && n > entry.maximum) || (p.name === 'network-diagnostic-port' && n < 0)) {
      out.push(diag(rc, v, 'error', 'invalid-number', `"${p.name}" must be between ${entry.minimum ?? 0} and ${entry.maximum}: dockerd refuses to start.`));
    }
    return out;
  }
  // metrics-addr is handed to net.Listen("tcp", …), which needs host:port (run on 20.10).
  if (p.name === 'metrics-addr' && v.type === 'string' && v.value !== '' && !/^(\[[^\]]*\]|[^:[\]]*):\d{0,5}$/.test(String(v.value))) {
    out.push(diag(rc, v, 'error', 'invalid-metrics-addr', `"${String(v.value)}" is not host:port: dockerd refuses to start. Write e.g. "127.0.0.1:9323".`));
    return out;
  }
  if (v.type === 'string' && entry['x-format'] === 'size' && v.value !== '' && !SIZE.test(String(v.value))) {
    out.push(diag(rc, v, 'error', 'invalid-size', `"${String(v.value)}" is not a size: dockerd refuses to start. Write a number with an optional unit, e.g. "64m" or "1g".`));
  }
  return out;
}
