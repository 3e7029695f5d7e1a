import * as l10n from '@vscode/l10n';
import { sentences } from '../../localized';
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { didYouMean } from '../../suggest';
import { replaceValueFix } from '../codeActions';
import type { ComposeFix, ComposeModel } from '../model';
import { isExtensionKey, NETWORK_KEY_PATTERN, property, propertyNames, type DefinitionName, type PropertySchema } from '../composeSchema';
import { interpolate } from '../interpolation';
import { hasTag, isNull, kindOf, mapEntries, scalarText, seqItems, type Entry, type OffsetRange } from '../yamlNodes';
import type { Problem, Rule } from '../../languageMode';

/**
 * The schema of the network parts (compose-spec schema/compose-spec.json, mirrored in
 * schemas/compose-networks.schema.json): unknown properties, wrong types, booleans
 * that only interpolation makes strings, invalid network keys. compose-go validates
 * the schema after interpolation and the boolean casts of `loader/interpolate.go`, so
 * a `${VAR}` value is never a type error, and `"true"` / `"false"` pass as booleans.
 */
export const schemaShape: Rule<ComposeModel, ComposeFix> = (model) => {
  const out: Problem<ComposeFix>[] = [];
  for (const decl of model.networks) {
    if (hasTag(decl.value, '!reset')) continue;
    if (!isNull(decl.value) && !isMap(decl.value)) {
      out.push(err(rangeOf(decl.value!) ?? rangeOf(decl.keyNode)!, 'wrong-type', l10n.t('Network `{0}` must be a mapping (or empty). Write its properties under it, indented.', decl.key)));
      continue;
    }
    checkMap(decl.doc, 'network', decl.entries, l10n.t('network `{0}`', decl.key), out, { model, doc: model.docs.indexOf(decl.doc), path: ['networks', decl.key] });
  }
  for (const svc of model.services) {
    const mode = svc.networkMode;
    if (mode && !isNull(mode.value) && kindOf(mode.value) !== 'string') {
      out.push(err(rangeOf(mode.value!)!, 'wrong-type', l10n.t('`network_mode` must be a string such as `host`, `none` or `service:NAME`.')));
    }
    const nets = svc.networks;
    if (!nets || isNull(nets.value)) continue;
    const v = nets.value!;
    if (isSeq(v)) {
      const seen = new Set<string>();
      for (const item of seqItems(svc.doc, v)) {
        const t = scalarText(item);
        if (t === undefined || kindOf(item) !== 'string') {
          out.push(err(rangeOf(item)!, 'wrong-type', l10n.t('Each entry of `networks` in service `{0}` must be a network name.', svc.name)));
        } else if (seen.has(t)) {
          out.push(err(rangeOf(item)!, 'duplicate-network', l10n.t('Service `{0}` lists network `{1}` twice. Remove one of them.', svc.name, t)));
        } else seen.add(t);
      }
    } else if (isMap(v)) {
      for (const e of mapEntries(svc.doc, v)) {
        if (!NETWORK_KEY_PATTERN.test(e.key)) {
          out.push(err(rangeOf(e.keyNode)!, 'invalid-network-key', l10n.t('`{0}` is not a valid network key: use only letters, digits, `.`, `_` and `-`.', e.key)));
        }
        if (isNull(e.value) || hasTag(e.value, '!reset')) continue;
        if (!isMap(e.value)) {
          out.push(err(rangeOf(e.value!)!, 'wrong-type', l10n.t('The settings of network `{0}` in service `{1}` must be a mapping (or empty).', e.key, svc.name)));
          continue;
        }
        checkMap(svc.doc, 'serviceNetwork', mapEntries(svc.doc, e.value), l10n.t('the `{0}` attachment of service `{1}`', e.key, svc.name), out, {
          model,
          doc: model.docs.indexOf(svc.doc),
          path: ['services', svc.name, 'networks', e.key],
        });
      }
    } else {
      out.push(err(rangeOf(v)!, 'wrong-type', l10n.t('`networks` of service `{0}` must be a list of names or a mapping of name to settings.', svc.name)));
    }
  }
  return out;
};

function err(range: OffsetRange, code: string, message: string): Problem<ComposeFix> {
  return { range, code, message, severity: 'error' };
}

function rangeOf(node: Node): OffsetRange | undefined {
  return node.range ? [node.range[0], node.range[1]] : undefined;
}

/** Where a map sits, for fixes that name their target by path (codeActions.ts replaceValueFix). */
interface Place {
  model: ComposeModel;
  doc: number;
  path: (string | number)[];
}

/** What a YAML node is, for "must be …, not {kind}" (yamlNodes.ts kindOf). */
function kindName(kind: ReturnType<typeof kindOf>): string {
  switch (kind) {
    case 'null':
      return l10n.t('empty');
    case 'string':
      return l10n.t('a string');
    case 'number':
      return l10n.t('a number');
    case 'boolean':
      return l10n.t('a boolean');
    case 'mapping':
      return l10n.t('a mapping');
    case 'list':
      return l10n.t('a list');
    case 'other':
      return l10n.t('an other value');
  }
}

function checkMap(doc: Document, def: DefinitionName, entries: Entry[], where: string, out: Problem<ComposeFix>[], at: Place): void {
  for (const e of entries) {
    if (e.merged && !e.keyNode.range) continue;
    const p = property(def, e.key);
    if (!p) {
      if (isExtensionKey(e.key)) continue;
      const guess = didYouMean(e.key, propertyNames(def));
      const hint = guess ? l10n.t('Did you mean `{0}`?', guess) : l10n.t('Known properties: {0}.', propertyNames(def).map((k) => `\`${k}\``).join(', '));
      out.push(err(rangeOf(e.keyNode)!, 'unknown-property', sentences(l10n.t('Unknown property `{0}` in {1}; Compose refuses it.', e.key, where), hint)));
      continue;
    }
    if (hasTag(e.value, '!reset')) continue;
    checkValue(doc, e, p, where, out, { ...at, path: [...at.path, e.key] });
  }
}

/** A scalar that interpolation will replace: never a type error. */
function interpolated(node: Node | null): boolean {
  const t = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
  return t !== undefined && interpolate(t).kind === 'dynamic';
}

function checkValue(doc: Document, e: Entry, p: PropertySchema, where: string, out: Problem<ComposeFix>[], place: Place): void {
  const node = e.value;
  const at = (n: Node | null): OffsetRange => (n ? rangeOf(n) : undefined) ?? rangeOf(e.keyNode)!;
  const kind = kindOf(node);
  const wrong = (expected: string, n: Node | null = node): void => {
    out.push(err(at(n), 'wrong-type', l10n.t('`{0}` in {1} must be {2}, not {3}.', e.key, where, expected, kindName(kindOf(n)))));
  };
  switch (p.type) {
    case 'string':
      if (kind !== 'string') wrong('a string');
      return;
    case 'number': {
      if (kind === 'number' || interpolated(node)) return;
      // `${PRIO:-1}`: the value is the default when unset, so check that the default is a number.
      const t = kind === 'string' ? scalarText(node)! : undefined;
      const v = t !== undefined && t.includes('$') ? interpolate(t) : undefined;
      if (v && v.kind !== 'dynamic' && /^-?\d+(\.\d+)?$/.test(v.text)) return;
      wrong('a number');
      return;
    }
    case 'boolean': {
      if (p['x-object'] && isMap(node)) {
        checkMap(doc, p['x-object'], mapEntries(doc, node), l10n.t('`{0}` of {1}', e.key, where), out, place);
        return;
      }
      if (kind === 'boolean') return;
      if (kind !== 'string') return wrong(l10n.t('`true` or `false`'));
      const v = interpolate(scalarText(node)!);
      if (v.kind === 'dynamic') return;
      const t = v.text.toLowerCase();
      if (t === 'true' || t === 'false') return;
      if (['y', 'yes', 'on', 'n', 'no', 'off'].includes(t)) {
        const b = ['y', 'yes', 'on'].includes(t);
        out.push({
          range: at(node),
          code: 'yaml11-boolean',
          severity: 'warning',
          message: l10n.t('`{0}` is read as {1} only for compatibility with YAML 1.1; write `{2}`.', v.text, b, b),
          fixes: [replaceValueFix(place.model, place.doc, place.path, node!, String(b), l10n.t('Write `{0}`', b))],
        });
        return;
      }
      out.push(err(at(node), 'invalid-boolean', l10n.t('`{0}` in {1} must be `true` or `false`; Compose fails on "{2}".', e.key, where, v.text)));
      return;
    }
    case 'object':
      if (!isMap(node)) return wrong(l10n.t('a mapping'));
      if (p.$ref) checkMap(doc, p.$ref, mapEntries(doc, node), l10n.t('`{0}` of {1}', e.key, where), out, place);
      return;
    case 'list-of-objects':
      if (!isSeq(node)) return wrong(l10n.t('a list'));
      for (const [index, item] of seqItems(doc, node).entries()) {
        if (hasTag(item, '!reset')) continue;
        if (!isMap(item)) wrong(l10n.t('a list of mappings'), item);
        else if (p.$ref) checkMap(doc, p.$ref, mapEntries(doc, item), l10n.t('an entry of `{0}` in {1}', e.key, where), out, { ...place, path: [...place.path, index] });
      }
      return;
    case 'map-of-scalars':
    case 'map-of-strings': {
      if (!isMap(node)) return wrong(l10n.t('a mapping'));
      for (const x of mapEntries(doc, node)) {
        const k = kindOf(x.value);
        const ok = k === 'string' || (p.type === 'map-of-scalars' && k === 'number');
        if (!ok) {
          const expected = p.type === 'map-of-strings' ? l10n.t('a string (quote numbers and booleans)') : l10n.t('a string or a number (quote booleans)');
          out.push(err(at(x.value ?? x.keyNode), 'wrong-type', l10n.t('`{0}` in `{1}` of {2} must be {3}.', x.key, e.key, where, expected)));
        }
      }
      return;
    }
    case 'list-of-strings':
      if (!isSeq(node)) return wrong(l10n.t('a list of strings'));
      for (const item of seqItems(doc, node)) if (kindOf(item) !== 'string') wrong(l10n.t('a list of strings'), item);
      return;
    case 'list-or-dict':
      if (isSeq(node)) {
        for (const item of seqItems(doc, node)) if (kindOf(item) !== 'string') wrong(l10n.t('a list of `key=value` strings'), item);
      } else if (isMap(node)) {
        for (const x of mapEntries(doc, node)) {
          const k = kindOf(x.value);
          if (k === 'mapping' || k === 'list' || k === 'other') wrong(l10n.t('a mapping of scalars'), x.value);
        }
      } else wrong(l10n.t('a mapping or a list'));
      return;
    default:
      return;
  }
}

