import type { Node } from 'jsonc-parser';
import type { Diagnostic } from 'vscode-languageserver-types';
import { didYouMean } from '../../suggest';
import { availability, FLAG_ONLY_KEYS, mainType, PROXY_KEYS, reached, REJECTED_KEYS, SINGULAR_KEYS, TOP_LEVEL, topLevelEntry } from '../daemonSchema';
import { properties, type Property } from '../parseDaemonJson';
import { diag, type DiagnosticData, type PropertyRule, type RuleContext } from '../ruleContext';

/**
 * The key check dockerd runs before anything else (moby daemon/config/config.go
 * `getConflictFreeConfiguration` → `configValuesSet` → `findConfigurationConflicts`;
 * docker-facts §2.1–2.4):
 * - an object-valued key that dockerd does not keep as an object ("flatOptions") is
 *   replaced by its children, which are then checked as keys themselves;
 * - a key must be the name of a dockerd flag (exact case); singular flag names pass the
 *   check but no config field reads them, so they are silently ignored;
 * - keys with a JSON field but no flag (`default-init`, …) are refused as unknown.
 */
function isAvailable(key: string, rc: RuleContext): boolean {
  const e = topLevelEntry(key);
  if (!e) return false;
  const a = availability(e, rc.version, rc.platform);
  return a.state === 'ok' || a.state === 'deprecated' || a.state === 'ignored';
}

/** Keys dockerd keeps as objects at the target version. */
function isFlatAt(key: string, rc: RuleContext): boolean {
  const e = topLevelEntry(key);
  return !!e && key !== 'proxies' && mainType(e) === 'object' && isAvailable(key, rc);
}

/** Does dockerd know `key` as a directive (a flag name) at the target version? */
function isDirective(key: string, rc: RuleContext): boolean {
  if (isAvailable(key, rc)) return true;
  if (Object.prototype.hasOwnProperty.call(SINGULAR_KEYS, key)) return isAvailable(SINGULAR_KEYS[key], rc);
  if (PROXY_KEYS.keys.includes(key)) return reached(rc.version, PROXY_KEYS.flagsSince);
  if (Object.prototype.hasOwnProperty.call(FLAG_ONLY_KEYS, key)) return reached(rc.version, FLAG_ONLY_KEYS[key].since);
  return false;
}

function candidates(rc: RuleContext): string[] {
  return Object.keys(TOP_LEVEL).filter((k) => isAvailable(k, rc));
}

function unknownKey(rc: RuleContext, key: Node, name: string, flattenedFrom?: string): Diagnostic {
  const suggestion = didYouMean(name, candidates(rc));
  const where = flattenedFrom
    ? `"${name}" (inside "${flattenedFrom}", which dockerd flattens into top-level keys)`
    : `Unknown key "${name}"`;
  const hint = suggestion ? ` Did you mean "${suggestion}"?` : ' Remove it or check the spelling (keys are case-sensitive).';
  const fixes: DiagnosticData['fixes'] = suggestion ? [{ title: `Change to "${suggestion}"`, fix: { kind: 'renameKey', to: suggestion } }] : [];
  return diag(rc, key, 'error', 'unknown-key', `${where} matches no dockerd option in Engine ${rc.versionText}: dockerd refuses to start.${hint}`, fixes);
}

/** Checks one directive (a top-level key, or a child of a flattened object). */
function checkDirective(rc: RuleContext, key: Node, value: Node | undefined, name: string, out: Diagnostic[], flattenedFrom?: string): void {
  const entry = topLevelEntry(name);
  if (entry) {
    const a = availability(entry, rc.version, rc.platform);
    const repl = 'replacement' in a ? a.replacement : undefined;
    const fixes: DiagnosticData['fixes'] = repl ? [{ title: `Change to "${repl}"`, fix: { kind: 'renameKey', to: repl } }] : [];
    switch (a.state) {
      case 'ok':
        return;
      case 'notYet':
        out.push(diag(rc, key, 'error', 'key-not-available', `"${name}" was added in Engine ${a.since}; Engine ${rc.versionText} does not know it and refuses to start. Remove it or target a newer Engine.`));
        return;
      case 'removed':
        out.push(diag(rc, key, 'error', 'key-removed', `"${name}" was removed in Engine ${a.removed}; Engine ${rc.versionText} refuses to start with it.${repl ? ` Use "${repl}" instead.` : ' Remove it.'}`, fixes));
        return;
      case 'deprecated':
        out.push(diag(rc, key, 'warning', 'key-deprecated', `"${name}" is deprecated since Engine ${a.deprecated}${entry['x-removed'] ? ` and removed in ${entry['x-removed']}` : ''}.${repl ? ` Use "${repl}" instead.` : ' Plan to remove it.'}`, fixes));
        return;
      case 'ignored':
        out.push(diag(rc, key, 'warning', 'key-ignored', `"${name}" has no effect since Engine ${a.since}; dockerd ignores it. Remove it.`, [{ title: `Remove "${name}"`, fix: { kind: 'removeProperty' } }]));
        return;
      case 'platform':
        // No flag of that name on this platform, so the unknown-directive check refuses it
        // (moby daemon/command/config_unix.go vs config_windows.go).
        out.push(diag(rc, key, 'error', 'key-wrong-platform', `"${name}" is only accepted by dockerd on ${a.platforms.join(' and ')}${a.removed ? ` (on ${rc.platform} until Engine ${a.removed})` : ''}; on ${rc.platform} dockerd ${rc.versionText} has no such option and refuses to start. Remove it (or change dockerNetworking.daemonJson.platform).`));
        return;
    }
  }
  if (Object.prototype.hasOwnProperty.call(REJECTED_KEYS, name)) {
    const r = REJECTED_KEYS[name];
    const fixes: DiagnosticData['fixes'] = r.replacement ? [{ title: `Change to "${r.replacement}"`, fix: { kind: 'renameKey', to: r.replacement } }] : [];
    out.push(diag(rc, key, 'error', 'key-rejected', `"${name}" ${r.message}.`, fixes));
    return;
  }
  if (Object.prototype.hasOwnProperty.call(FLAG_ONLY_KEYS, name) && reached(rc.version, FLAG_ONLY_KEYS[name].since)) {
    out.push(diag(rc, key, 'warning', 'flag-only-key', `"${name}" ${FLAG_ONLY_KEYS[name].message}.`));
    return;
  }
  if (Object.prototype.hasOwnProperty.call(SINGULAR_KEYS, name) && isAvailable(SINGULAR_KEYS[name], rc)) {
    const plural = SINGULAR_KEYS[name];
    const wrap = value?.type === 'string' && mainType(TOP_LEVEL[plural]) === 'array';
    out.push(
      diag(rc, key, 'warning', 'singular-key', `"${name}" is the command-line flag; dockerd accepts it in daemon.json but silently ignores it. Use "${plural}" instead.`, [
        { title: `Change to "${plural}"`, fix: { kind: 'renameKey', to: plural, wrapInArray: wrap } },
      ]),
    );
    return;
  }
  if (PROXY_KEYS.keys.includes(name)) {
    if (reached(rc.version, PROXY_KEYS.flagsSince)) {
      out.push(
        diag(rc, key, 'warning', 'proxy-key-top-level', `"${name}" at the top level is accepted but ignored by dockerd; it belongs inside "proxies": { "${name}": … }.`, [
          { title: `Move "${name}" into "proxies"`, fix: { kind: 'moveIntoObject', object: 'proxies' } },
        ]),
      );
    } else {
      out.push(diag(rc, key, 'error', 'key-not-available', `"${name}" is unknown to Engine ${rc.versionText} and makes dockerd refuse to start (daemon proxy settings in daemon.json need Engine ${PROXY_KEYS.flagsSince}). Use a systemd drop-in with HTTP_PROXY instead.`));
    }
    return;
  }
  out.push(unknownKey(rc, key, name, flattenedFrom));
}

/** Judges each top-level key by itself: its verdicts are kept between edits (runRules.ts). */
export const topLevelKeys: PropertyRule = { name: 'topLevelKeys', perProperty: judgeProperty };

function judgeProperty(rc: RuleContext, p: Property): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (p.value?.type === 'object' && !isFlatAt(p.name, rc)) {
    const children = properties(p.value);
    const unknownChildren = children.filter((c) => !isDirective(c.name, rc));
    const entry = topLevelEntry(p.name);
    if (entry && p.name === 'proxies' && isAvailable('proxies', rc)) {
      // Flattened, so a child that is not a proxy flag is an unknown directive.
      for (const c of children) if (!PROXY_KEYS.keys.includes(c.name)) checkDirective(rc, c.key, c.value, c.name, out, p.name);
      return out;
    }
    if (entry) {
      const a = availability(entry, rc.version, rc.platform);
      if (a.state === 'notYet') {
        // Too new for the target: dockerd flattens the object, so an empty one (or one whose
        // children happen to be flags) passes and is ignored; other children are unknown
        // (run on 20.10: `"proxies": {}` starts, `"proxies": {"http-proxy": …}` is refused).
        const refused = unknownChildren.length > 0;
        out.push(diag(rc, p.key, refused ? 'error' : 'warning', 'key-not-available', `"${p.name}" was added in Engine ${a.since}; Engine ${rc.versionText} ${refused ? 'does not know it and refuses to start' : 'ignores it'}. Remove it or target a newer Engine.`));
        for (const c of unknownChildren) checkDirective(rc, c.key, c.value, c.name, out, p.name);
      } else {
        checkDirective(rc, p.key, p.value, p.name, out);
      }
      return out;
    }
    if (Object.prototype.hasOwnProperty.call(SINGULAR_KEYS, p.name) && isAvailable(SINGULAR_KEYS[p.name], rc)) {
      out.push(diag(rc, p.key, 'warning', 'singular-key', `"${p.name}" is the command-line flag; dockerd ignores it as a key. Use "${SINGULAR_KEYS[p.name]}" instead.`, [{ title: `Change to "${SINGULAR_KEYS[p.name]}"`, fix: { kind: 'renameKey', to: SINGULAR_KEYS[p.name] } }]));
    } else if (unknownChildren.length === 0) {
      out.push(diag(rc, p.key, 'warning', 'unknown-object-ignored', `Unknown key "${p.name}": dockerd flattens this object into its children and ignores it. Remove it or check the spelling.`));
    }
    for (const c of unknownChildren) checkDirective(rc, c.key, c.value, c.name, out, p.name);
    return out;
  }
  checkDirective(rc, p.key, p.value, p.name, out);
  return out;
}
