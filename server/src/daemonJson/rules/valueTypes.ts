import type { Node } from 'jsonc-parser';
import type { Diagnostic } from 'vscode-languageserver-types';
import { availability, childSchema, mainType, type SchemaNode, topLevelEntry } from '../daemonSchema';
import { properties } from '../parseDaemonJson';
import { diag, type DiagnosticData, type RuleContext } from '../ruleContext';

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
  if (node.type === 'number') return /^-?\d+$/.test(text.slice(node.offset, node.offset + node.length)) ? 'integer' : 'number';
  return node.type;
}

const ARTICLE: Record<string, string> = {
  string: 'a string',
  boolean: 'a boolean (true or false)',
  integer: 'a whole number',
  number: 'a number',
  array: 'an array [ … ]',
  object: 'an object { … }',
};

function coerceFix(node: Node, expected: string): DiagnosticData['fixes'] {
  const v = node.value as unknown;
  if (expected === 'boolean' && (v === 'true' || v === 'false')) return [{ title: `Change to ${v}`, fix: { kind: 'replaceValue', to: v === 'true' } }];
  if (expected === 'integer' && typeof v === 'string' && /^-?\d+$/.test(v.trim())) return [{ title: `Change to ${Number(v)}`, fix: { kind: 'replaceValue', to: Number(v) } }];
  if (expected === 'string' && (typeof v === 'number' || typeof v === 'boolean')) return [{ title: `Change to "${String(v)}"`, fix: { kind: 'replaceValue', to: String(v) } }];
  return [];
}

function matchChild(schema: SchemaNode, name: string, caseInsensitive: boolean): SchemaNode | undefined {
  const exact = childSchema(schema, name);
  if (exact || !caseInsensitive || !schema.properties) return exact;
  const k = Object.keys(schema.properties).find((p) => p.toLowerCase() === name.toLowerCase());
  return k ? schema.properties[k] : undefined;
}

export function valueTypes(rc: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const text = rc.parsed.text;

  const check = (node: Node, schema: SchemaNode, label: string, top: string): void => {
    if (node.type === 'null') return;
    const expected = mainType(schema);
    const actual = jsonType(node, text);
    if (expected && actual !== expected && !(expected === 'number' && actual === 'integer')) {
      const msg = `"${label}" must be ${ARTICLE[expected] ?? expected}, not ${ARTICLE[actual] ?? actual}: dockerd cannot decode it and refuses to start.`;
      out.push(diag(rc, node, 'error', 'wrong-type', msg, coerceFix(node, expected)));
      return;
    }
    if (node.type === 'array' && schema.items) {
      (node.children ?? []).forEach((c, i) => check(c, schema.items!, `${label}[${i}]`, top));
    } else if (node.type === 'object') {
      const ci = CASE_INSENSITIVE_PARENTS.has(top);
      for (const p of properties(node)) {
        const child = matchChild(schema, p.name, ci);
        if (!child) {
          if (schema.additionalProperties === false && top !== 'proxies') {
            out.push(diag(rc, p.key, 'warning', 'unknown-sub-key', `"${p.name}" is not a setting of "${label}"; dockerd silently ignores it. Check the spelling.`));
          }
          continue;
        }
        if (child['x-removed'] || child['x-deprecated'] || child['x-since']) {
          const a = availability(child, rc.version, rc.platform);
          if (a.state === 'deprecated') {
            const fixes: DiagnosticData['fixes'] = a.replacement ? [{ title: `Change to "${a.replacement}"`, fix: { kind: 'renameKey', to: a.replacement } }] : [];
            out.push(diag(rc, p.key, 'warning', 'key-deprecated', `"${p.name}" is deprecated since Engine ${a.deprecated}.${a.replacement ? ` Use "${a.replacement}" instead.` : ''}`, fixes));
          }
        }
        if (p.value) check(p.value, child, `${label}.${p.name}`, top);
      }
    }
  };

  for (const p of properties(rc.parsed.object)) {
    const entry = topLevelEntry(p.name);
    if (!entry || !p.value) continue;
    const a = availability(entry, rc.version, rc.platform);
    // Keys the target Engine does not have are reported by topLevelKeys; their values are not decoded.
    if (a.state === 'notYet' || a.state === 'platform') continue;
    check(p.value, entry, p.name, p.name);
  }
  return out;
}
