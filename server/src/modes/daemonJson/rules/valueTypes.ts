import * as l10n from '@vscode/l10n';
import { sentences } from '../../localized';
import type { Node } from 'jsonc-parser';
import { availability, childSchema, mainType, type SchemaNode, topLevelEntry } from '../daemonSchema';
import { type DaemonJsonFix, type DaemonJsonProblem, type DaemonJsonRule, pathOf, type TopProperty } from '../model';
import { problemAt } from '../problemAt';
import { type Target, target } from '../target';

/**
 * Types exactly as Go's encoding/json decodes them into dockerd's config structs:
 * no string→bool or string→number coercion ("ipv6": "true" is refused), integers
 * without fraction or exponent, every `log-opts` value a string; null means "not set"
 * (docker-facts §2.2, runs on 20.10). Also reports sub-keys that dockerd ignores.
 *
 * Go matches struct fields without JSON tags case-insensitively (`builder` fields,
 * the ulimit's Name/Soft/Hard; docker-facts §1.4.3, §1.4.7), so those match any case.
 */
const CASE_INSENSITIVE_PARENTS = new Set(['builder', 'default-ulimits']);

function jsonType(node: Node, text: string): string {
  return node.type === 'number' ? (isIntegerText(text, node.offset, node.length) ? 'integer' : 'number') : node.type;
}

/** `-?\d+` exactly, read in place (no slice of the text per number). */
function isIntegerText(text: string, offset: number, length: number): boolean {
  let i = offset;
  const end = offset + length;
  if (i < end && text.charCodeAt(i) === 45 /* - */) i++;
  if (i >= end) return false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** A JSON type with its article, for "must be …, not …" (a function: the texts follow the display language). */
function article(type: string): string {
  switch (type) {
    case 'string':
      return l10n.t('a string');
    case 'boolean':
      return l10n.t('a boolean (true or false)');
    case 'integer':
      return l10n.t('a whole number');
    case 'number':
      return l10n.t('a number');
    case 'array':
      return l10n.t('an array [ … ]');
    case 'object':
      return l10n.t('an object { … }');
    default:
      return type;
  }
}

function coerceFix(node: Node, expected: string): DaemonJsonFix[] {
  const v = node.value as unknown;
  const fix = (title: string, to: unknown): DaemonJsonFix[] => [{ title, kind: 'replaceValue', path: pathOf(node), from: v, to }];
  if (expected === 'boolean' && (v === 'true' || v === 'false')) return fix(l10n.t('Change to {0}', v), v === 'true');
  if (expected === 'integer' && typeof v === 'string' && /^-?\d+$/.test(v.trim())) return fix(l10n.t('Change to {0}', Number(v)), Number(v));
  if (expected === 'string' && (typeof v === 'number' || typeof v === 'boolean')) return fix(l10n.t('Change to "{0}"', String(v)), String(v));
  return [];
}

function matchChild(schema: SchemaNode, name: string, caseInsensitive: boolean): SchemaNode | undefined {
  const exact = childSchema(schema, name);
  if (exact || !caseInsensitive || !schema.properties) return exact;
  const k = Object.keys(schema.properties).find((p) => p.toLowerCase() === name.toLowerCase());
  return k ? schema.properties[k] : undefined;
}

export const valueTypes: DaemonJsonRule = (model, ctx) => {
  const t = target(ctx);
  const out: DaemonJsonProblem[] = [];
  for (const p of model.topProperties) judgeProperty(t, model.text, p, out);
  return out;
};

/** Judges one top-level property by itself. */
function judgeProperty(t: Target, text: string, p: TopProperty, out: DaemonJsonProblem[]): void {

  // Labels ("dns[3]", "builder.gc") are built only when a diagnostic or a nested level needs them.
  const labelOf = (parent: string | undefined, seg: string | number): string =>
    parent === undefined ? String(seg) : typeof seg === 'number' ? `${parent}[${seg}]` : `${parent}.${seg}`;

  const check = (node: Node, schema: SchemaNode, expected: string | undefined, parent: string | undefined, seg: string | number, top: string): void => {
    if (node.type === 'null') return;
    const actual = jsonType(node, text);
    if (expected && actual !== expected && !(expected === 'number' && actual === 'integer')) {
      const msg = l10n.t('"{0}" must be {1}, not {2}: dockerd cannot decode it and refuses to start.', labelOf(parent, seg), article(expected), article(actual));
      out.push(problemAt(node, 'error', 'wrong-type', msg, coerceFix(node, expected)));
      return;
    }
    if (node.type === 'array' && schema.items) {
      const children = node.children;
      if (!children || children.length === 0) return;
      const label = labelOf(parent, seg);
      const items = schema.items;
      const itemType = mainType(items);
      for (let i = 0; i < children.length; i++) {
        const c = children[i];
        // A scalar item of the expected type (the usual case in long lists) has nothing to report.
        if (c.type === 'null' || (c.type === itemType && c.type !== 'array' && c.type !== 'object')) continue;
        check(c, items, itemType, label, i, top);
      }
    } else if (node.type === 'object') {
      const ci = CASE_INSENSITIVE_PARENTS.has(top);
      let own: string | undefined;
      const label = (): string => (own ??= labelOf(parent, seg));
      for (const p of node.children ?? []) {
        const pc = p.children;
        if (p.type !== 'property' || !pc || pc.length === 0) continue;
        const name = String(pc[0].value);
        const child = matchChild(schema, name, ci);
        if (!child) {
          if (schema.additionalProperties === false && top !== 'proxies') {
            out.push(problemAt(pc[0], 'warning', 'unknown-sub-key', l10n.t('"{0}" is not a setting of "{1}"; dockerd silently ignores it. Check the spelling.', name, label())));
          }
          continue;
        }
        if (child['x-removed'] || child['x-deprecated'] || child['x-since']) {
          const a = availability(child, t.version, t.platform);
          if (a.state === 'deprecated') {
            const fixes: DaemonJsonFix[] = a.replacement ? [{ title: l10n.t('Change to "{0}"', a.replacement), kind: 'renameKey', path: pathOf(pc[0]), to: a.replacement }] : [];
            out.push(problemAt(pc[0], 'warning', 'key-deprecated', sentences(l10n.t('"{0}" is deprecated since Engine {1}.', name, a.deprecated), a.replacement ? l10n.t('Use "{0}" instead.', a.replacement) : ''), fixes));
          }
        }
        const value = pc[1];
        if (!value) continue;
        const expectedChild = mainType(child);
        // A string or boolean of the expected type has nothing to report (numbers may still be fractions).
        if (value.type === 'null' || (value.type === expectedChild && (value.type === 'string' || value.type === 'boolean'))) continue;
        check(value, child, expectedChild, label(), name, top);
      }
    }
  };

  const entry = topLevelEntry(p.name);
  if (!entry || !p.value) return;
  const a = availability(entry, t.version, t.platform);
  // Keys the target Engine does not have are reported by topLevelKeys; their values are not decoded.
  if (a.state === 'notYet' || a.state === 'platform') return;
  check(p.value, entry, mainType(entry), undefined, p.name, p.name);
}
