import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser';
import { localized, sentences } from '../../localized';
import { didYouMean } from '../../suggest';
import { availability, FLAG_ONLY_KEYS, mainType, PROXY_KEYS, reached, REJECTED_KEYS, SINGULAR_KEYS, TOP_LEVEL, topLevelEntry } from '../daemonSchema';
import { type DaemonJsonFix, type DaemonJsonProblem, type DaemonJsonRule, type KeyPath, pathOf, properties, type TopProperty } from '../model';
import { problemAt } from '../problemAt';
import { type Target, target } from '../target';

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
function isAvailable(key: string, t: Target): boolean {
  const e = topLevelEntry(key);
  if (!e) return false;
  const a = availability(e, t.version, t.platform);
  return a.state === 'ok' || a.state === 'deprecated' || a.state === 'ignored';
}

/** Keys dockerd keeps as objects at the target version. */
function isFlatAt(key: string, t: Target): boolean {
  const e = topLevelEntry(key);
  return !!e && key !== 'proxies' && mainType(e) === 'object' && isAvailable(key, t);
}

/** Does dockerd know `key` as a directive (a flag name) at the target version? */
function isDirective(key: string, t: Target): boolean {
  if (isAvailable(key, t)) return true;
  if (Object.prototype.hasOwnProperty.call(SINGULAR_KEYS, key)) return isAvailable(SINGULAR_KEYS[key], t);
  if (PROXY_KEYS.keys.includes(key)) return reached(t.version, PROXY_KEYS.flagsSince);
  if (Object.prototype.hasOwnProperty.call(FLAG_ONLY_KEYS, key)) return reached(t.version, FLAG_ONLY_KEYS[key].since);
  return false;
}

/**
 * Whether the object holding the property of `key` already has a property `name`: renaming
 * into it would make a duplicate, which dockerd reads as one value lost, so such a rename is
 * offered but not safe (`check --fix` leaves it, #21).
 */
function siblingKeyExists(key: Node, name: string): boolean {
  return (key.parent?.parent?.children ?? []).some((prop) => prop.children?.[0]?.value === name);
}

function candidates(t: Target): string[] {
  return Object.keys(TOP_LEVEL).filter((k) => isAvailable(k, t));
}

function unknownKey(t: Target, key: Node, path: KeyPath | undefined, name: string, flattenedFrom?: string): DaemonJsonProblem {
  const suggestion = didYouMean(name, candidates(t));
  const refused = flattenedFrom
    ? l10n.t('"{0}" (inside "{1}", which dockerd flattens into top-level keys) matches no dockerd option in Engine {2}: dockerd refuses to start.', name, flattenedFrom, t.versionText)
    : l10n.t('Unknown key "{0}" matches no dockerd option in Engine {1}: dockerd refuses to start.', name, t.versionText);
  const hint = suggestion ? l10n.t('Did you mean "{0}"?', suggestion) : l10n.t('Remove it or check the spelling (keys are case-sensitive).');
  // "Remove it" names the other fix when no key is near (#20).
  const fixes: DaemonJsonFix[] = suggestion
    ? [{ title: l10n.t('Change to "{0}"', suggestion), kind: 'renameKey', path: path ?? pathOf(key), to: suggestion }]
    : [{ title: l10n.t('Remove "{0}"', name), kind: 'removeProperty', path: path ?? pathOf(key) }];
  return problemAt(key, 'error', 'unknown-key', sentences(refused, hint), fixes);
}

/**
 * Checks one directive (a top-level key, or a child of a flattened object). `path` names
 * the property for fixes; undefined for a nested one, whose path is found when a fix needs it.
 */
function checkDirective(t: Target, key: Node, path: KeyPath | undefined, value: Node | undefined, name: string, out: DaemonJsonProblem[], flattenedFrom?: string): void {
  const keyPath = (): KeyPath => path ?? pathOf(key);
  const entry = topLevelEntry(name);
  if (entry) {
    const a = availability(entry, t.version, t.platform);
    const repl = 'replacement' in a ? a.replacement : undefined;
    const fixes: DaemonJsonFix[] = repl ? [{ title: l10n.t('Change to "{0}"', repl), kind: 'renameKey', path: keyPath(), to: repl }] : [];
    switch (a.state) {
      case 'ok':
        return;
      case 'notYet':
        out.push(problemAt(key, 'error', 'key-not-available', l10n.t('"{0}" was added in Engine {1}; Engine {2} does not know it and refuses to start. Remove it or target a newer Engine.', name, a.since, t.versionText)));
        return;
      case 'removed':
        out.push(problemAt(key, 'error', 'key-removed', sentences(l10n.t('"{0}" was removed in Engine {1}; Engine {2} refuses to start with it.', name, a.removed, t.versionText), repl ? l10n.t('Use "{0}" instead.', repl) : l10n.t('Remove it.')), repl ? fixes : [{ title: l10n.t('Remove "{0}"', name), kind: 'removeProperty', path: keyPath() }]));
        return;
      case 'deprecated':
        out.push(problemAt(key, 'warning', 'key-deprecated', sentences(
            entry['x-removed'] ? l10n.t('"{0}" is deprecated since Engine {1} and removed in {2}.', name, a.deprecated, entry['x-removed']) : l10n.t('"{0}" is deprecated since Engine {1}.', name, a.deprecated),
            repl ? l10n.t('Use "{0}" instead.', repl) : l10n.t('Plan to remove it.'),
          ), fixes));
        return;
      case 'ignored':
        out.push(problemAt(key, 'warning', 'key-ignored', l10n.t('"{0}" has no effect since Engine {1}; dockerd ignores it. Remove it.', name, a.since), [{ title: l10n.t('Remove "{0}"', name), kind: 'removeProperty', path: keyPath() }]));
        return;
      case 'platform':
        // No flag of that name on this platform, so the unknown-directive check refuses it
        // (moby daemon/command/config_unix.go vs config_windows.go).
        out.push(problemAt(key, 'error', 'key-wrong-platform', a.removed
            ? l10n.t('"{0}" is only accepted by dockerd on {1} (on {2} until Engine {3}); on {2} dockerd {4} has no such option and refuses to start. Remove it (or change dockerNetworking.daemonJson.platform).', name, a.platforms.join(l10n.t(' and ')), t.platform, a.removed, t.versionText)
            : l10n.t('"{0}" is only accepted by dockerd on {1}; on {2} dockerd {3} has no such option and refuses to start. Remove it (or change dockerNetworking.daemonJson.platform).', name, a.platforms.join(l10n.t(' and ')), t.platform, t.versionText)));
        return;
    }
  }
  if (Object.prototype.hasOwnProperty.call(REJECTED_KEYS, name)) {
    const r = REJECTED_KEYS[name];
    const fixes: DaemonJsonFix[] = r.replacement ? [{ title: l10n.t('Change to "{0}"', r.replacement), kind: 'renameKey', path: keyPath(), to: r.replacement }] : [];
    out.push(problemAt(key, 'error', 'key-rejected', l10n.t('"{0}" {1}.', name, localized(r, 'message')), fixes));
    return;
  }
  if (Object.prototype.hasOwnProperty.call(FLAG_ONLY_KEYS, name) && reached(t.version, FLAG_ONLY_KEYS[name].since)) {
    out.push(problemAt(key, 'warning', 'flag-only-key', l10n.t('"{0}" {1}.', name, localized(FLAG_ONLY_KEYS[name], 'message'))));
    return;
  }
  if (Object.prototype.hasOwnProperty.call(SINGULAR_KEYS, name) && isAvailable(SINGULAR_KEYS[name], t)) {
    const plural = SINGULAR_KEYS[name];
    const wrap = value?.type === 'string' && mainType(TOP_LEVEL[plural]) === 'array';
    out.push(
      problemAt(key, 'warning', 'singular-key', l10n.t('"{0}" is the command-line flag; dockerd accepts it in daemon.json but silently ignores it. Use "{1}" instead.', name, plural), [
        { title: l10n.t('Change to "{0}"', plural), kind: 'renameKey', path: keyPath(), to: plural, wrapInArray: wrap, safe: !siblingKeyExists(key, plural) },
      ]),
    );
    return;
  }
  if (PROXY_KEYS.keys.includes(name)) {
    if (reached(t.version, PROXY_KEYS.flagsSince)) {
      out.push(
        problemAt(key, 'warning', 'proxy-key-top-level', l10n.t('"{0}" at the top level is accepted but ignored by dockerd; it belongs inside {1}.', name, `"proxies": { "${name}": … }`), [
          { title: l10n.t('Move "{0}" into "proxies"', name), kind: 'moveIntoObject', path: keyPath(), object: 'proxies' },
        ]),
      );
    } else {
      out.push(problemAt(key, 'error', 'key-not-available', l10n.t('"{0}" is unknown to Engine {1} and makes dockerd refuse to start (daemon proxy settings in daemon.json need Engine {2}). Use a systemd drop-in with HTTP_PROXY instead.', name, t.versionText, PROXY_KEYS.flagsSince)));
    }
    return;
  }
  // A key still being typed (no value yet): the JSON syntax error at it is the one message
  // (#20: a half-typed key gave three), and completion offers the keys it may become.
  if (value === undefined) return;
  out.push(unknownKey(t, key, path, name, flattenedFrom));
}

export const topLevelKeys: DaemonJsonRule = (model, ctx) => {
  const t = target(ctx);
  const out: DaemonJsonProblem[] = [];
  for (const p of model.topProperties) judgeProperty(t, p, out);
  return out;
};

/** Judges one top-level key by itself (and the children dockerd flattens out of it). */
function judgeProperty(t: Target, p: TopProperty, out: DaemonJsonProblem[]): void {
  if (p.value?.type === 'object' && !isFlatAt(p.name, t)) {
    const children = properties(p.value);
    const unknownChildren = children.filter((c) => !isDirective(c.name, t));
    const entry = topLevelEntry(p.name);
    if (entry && p.name === 'proxies' && isAvailable('proxies', t)) {
      // Flattened, so a child that is not a proxy flag is an unknown directive.
      for (const c of children) if (!PROXY_KEYS.keys.includes(c.name)) checkDirective(t, c.key, undefined, c.value, c.name, out, p.name);
      return;
    }
    if (entry) {
      const a = availability(entry, t.version, t.platform);
      if (a.state === 'notYet') {
        // Too new for the target: dockerd flattens the object, so an empty one (or one whose
        // children happen to be flags) passes and is ignored; other children are unknown
        // (run on 20.10: `"proxies": {}` starts, `"proxies": {"http-proxy": …}` is refused).
        const refused = unknownChildren.length > 0;
        out.push(problemAt(p.key, refused ? 'error' : 'warning', 'key-not-available', refused
              ? l10n.t('"{0}" was added in Engine {1}; Engine {2} does not know it and refuses to start. Remove it or target a newer Engine.', p.name, a.since, t.versionText)
              : l10n.t('"{0}" was added in Engine {1}; Engine {2} ignores it. Remove it or target a newer Engine.', p.name, a.since, t.versionText)));
        for (const c of unknownChildren) checkDirective(t, c.key, undefined, c.value, c.name, out, p.name);
      } else {
        checkDirective(t, p.key, p.path, p.value, p.name, out);
      }
      return;
    }
    if (Object.prototype.hasOwnProperty.call(SINGULAR_KEYS, p.name) && isAvailable(SINGULAR_KEYS[p.name], t)) {
      out.push(problemAt(p.key, 'warning', 'singular-key', l10n.t('"{0}" is the command-line flag; dockerd ignores it as a key. Use "{1}" instead.', p.name, SINGULAR_KEYS[p.name]), [{ title: l10n.t('Change to "{0}"', SINGULAR_KEYS[p.name]), kind: 'renameKey', path: p.path, to: SINGULAR_KEYS[p.name], safe: !siblingKeyExists(p.key, SINGULAR_KEYS[p.name]) }]));
    } else if (unknownChildren.length === 0) {
      out.push(problemAt(p.key, 'warning', 'unknown-object-ignored', l10n.t('Unknown key "{0}": dockerd flattens this object into its children and ignores it. Remove it or check the spelling.', p.name)));
    }
    for (const c of unknownChildren) checkDirective(t, c.key, undefined, c.value, c.name, out, p.name);
    return;
  }
  checkDirective(t, p.key, p.path, p.value, p.name, out);
}
