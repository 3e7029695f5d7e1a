import { localized } from '../localized';
import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type CompletionItem,
  CompletionItemKind,
  CompletionItemTag,
  type CompletionList,
  InsertTextFormat,
  MarkupKind,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { ModeContext } from '../languageMode';
import { availability, logDrivers, mainType, type SchemaNode, TOP_LEVEL } from './daemonSchema';
import { renderKeyDocs, renderLogDriverDocs, renderLogOptionDocs, renderValueDocs } from './keyDocs';
import { type DaemonJsonModel, lastValue, logDriverOf, properties } from './model';
import { locationAt } from './locationAt';
import { pathText, schemaAtPath, valuesAt } from './schemaAtPath';
import { readDataFile } from '../../shared/dataFile';
import { valueSnippet, valueText, wholeValues } from './wholeValues';

const snippets = readDataFile<typeof import('../../../../snippets/daemonJson.json')>('snippets/daemonJson.json');

/**
 * Completion of keys (only those not yet present and available in the target Engine,
 * with a value skeleton), of values (enums, booleans, drivers, runtimes), inside nested
 * objects, in an empty file, plus the snippets of snippets/daemonJson.json.
 */
interface SnippetDef {
  prefix: string;
  description: string;
  body: string[];
}

function skeleton(node: SchemaNode): string {
  switch (mainType(node)) {
    case 'string':
      return '"$1"';
    case 'array':
      return '[$1]';
    case 'object':
      return '{$1}';
    case 'boolean':
      return `\${1:${node.default === true ? 'false' : 'true'}}`;
    case 'integer':
    case 'number':
      return `\${1:${typeof node.default === 'number' ? node.default : 0}}`;
    default:
      return '$1';
  }
}

function usable(info: SchemaNode, ctx: ModeContext): { ok: boolean; deprecated: boolean } {
  const a = availability(info, ctx.engineVersion, ctx.settings.daemonJson.platform);
  return { ok: a.state === 'ok' || a.state === 'deprecated', deprecated: a.state === 'deprecated' || info.deprecated === true };
}

function docs(value: string) {
  return { kind: MarkupKind.Markdown, value };
}

export function complete(document: TextDocument, position: Position, model: DaemonJsonModel, ctx: ModeContext): CompletionList {
  const text = model.text;
  const offset = document.offsetAt(position);
  const items: CompletionItem[] = [];
  const range = (start: number, end: number): Range => ({ start: document.positionAt(start), end: document.positionAt(end) });

  // Empty file: whole-object skeletons, in place of the word being typed (or at the
  // cursor). Never over the whole text: VS Code drops an item whose range spans several
  // lines, and the text around may hold comments (#15 item 6).
  if (!model.root) {
    const word = wordAround(text, offset);
    const r = range(word.start, word.end);
    for (const [key, e] of Object.entries(TOP_LEVEL)) {
      const u = usable(e, ctx);
      if (!u.ok) continue;
      items.push(keyItem(key, e, `{\n\t"${key}": ${skeleton(e)}\n}`, r, u.deprecated));
    }
    for (const [name, s] of Object.entries(snippets as Record<string, SnippetDef>)) {
      if (!snippetKeys(s).every((k) => TOP_LEVEL[k] && usable(TOP_LEVEL[k], ctx).ok)) continue;
      items.push(snippetItem(name, s, `{\n${s.body.map((l) => `\t${l}`).join('\n')}\n}`, r));
    }
    return typedFilter(items, text.slice(word.start, offset));
  }

  const loc = locationAt(model, offset);
  const prev = loc.previousNode;
  // jsonc-parser reports a key being typed as a 'property' node with the key's offsets.
  const inString = prev && (prev.type === 'string' || prev.type === 'property') && offset > prev.offset && offset <= prev.offset + prev.length;
  // What the item replaces: the string the cursor is in, quotes included, else the word
  // being typed without quotes (#15 item 9: `default-add` became `default-add,"default-address-pools": []`).
  const word = inString ? undefined : wordAround(text, offset);
  const start = inString ? prev!.offset : word!.start;
  const end = inString ? prev!.offset + prev!.length : word!.end;
  /** The items that fit what was typed before the cursor in the replaced range. */
  const done = (list: CompletionItem[]): CompletionList => typedFilter(list, text.slice(start, offset));

  // A string that jsonc-parser reports as a 'property' is a key, also where its recovery
  // from a missing comma before it says otherwise ("true⏎ \"ke|\"").
  let atKey = loc.isAtPropertyKey || (inString && prev!.type === 'property');
  let keyPath = loc.path.slice(0, -1);
  // After a complete value on a new line with the comma still missing ("true⏎ |"), the
  // parser still sees the old property; the user is typing the next key.
  if (!atKey && !inString && typeof loc.path[loc.path.length - 1] === 'string') {
    const value = containerAt(model.root, loc.path as (string | number)[]);
    if (value && value.offset + value.length <= offset && /\n/.test(text.slice(value.offset + value.length, offset))) {
      atKey = true;
      keyPath = loc.path.slice(0, -1);
    }
  }
  if (atKey) {
    const path = keyPath;
    const container = containerAt(model.root, path);
    const present = new Set(properties(container).map((p) => p.name));
    if (inString) present.delete(String(prev!.value));
    const after = text.slice(end);
    const hasColon = /^\s*:/.test(after);
    const needsComma = !hasColon && /^\s*"/.test(after);
    // The last non-space character before the key (read backwards: no copy of the text before it).
    let before = start;
    while (before > 0 && /\s/.test(text[before - 1])) before--;
    const needsLeadingComma = before > 0 && !/[{,[]/.test(text[before - 1]);
    const wrap = (body: string): string => `${needsLeadingComma ? ',' : ''}${body}${needsComma ? ',' : ''}`;
    const r = range(start, end);

    if (path.length === 0) {
      for (const [key, e] of Object.entries(TOP_LEVEL)) {
        if (present.has(key)) continue;
        const u = usable(e, ctx);
        if (!u.ok) continue;
        items.push(keyItem(key, e, wrap(hasColon ? `"${key}"` : `"${key}": ${skeleton(e)}`), r, u.deprecated, key, !!inString));
      }
      if (!inString) {
        for (const [name, s] of Object.entries(snippets as Record<string, SnippetDef>)) {
          // Offer a snippet only when every key it inserts is usable and not yet present.
          const keys = snippetKeys(s);
          if (keys.every((k) => !present.has(k) && TOP_LEVEL[k] && usable(TOP_LEVEL[k], ctx).ok)) items.push(snippetItem(name, s, wrap(s.body.join('\n')), r));
        }
      }
      return done(items);
    }
    if (path.length === 1 && path[0] === 'log-opts') {
      const driver = logDriverOf(model);
      const info = logDrivers()[driver];
      const optionDocs = TOP_LEVEL['log-opts']['x-optionDocs'] ?? {};
      const names = [...(info?.options ?? []), ...(TOP_LEVEL['log-opts']['x-everyDriverOptions'] ?? [])];
      for (const o of names) {
        if (present.has(o)) continue;
        const hist = info?.optionHistory?.[o];
        if (hist && !usable(hist, ctx).ok) continue;
        const item: CompletionItem = {
          label: o,
          kind: CompletionItemKind.Property,
          detail: l10n.t('log option ({0})', driver),
          documentation: docs(renderLogOptionDocs(o, driver, optionDocs[o], hist)),
          textEdit: { range: r, newText: wrap(hasColon ? `"${o}"` : `"${o}": "$1"`) },
          insertTextFormat: InsertTextFormat.Snippet,
          filterText: inString ? `"${o}"` : o,
        };
        if (hist && usable(hist, ctx).deprecated) item.tags = [CompletionItemTag.Deprecated];
        items.push(item);
      }
      return done(items);
    }
    const schema = schemaAtPath(path);
    if (!schema) return done(items);
    const names = schema.propertyNames?.enum ?? Object.keys(schema.properties ?? {});
    for (const name of names) {
      if (present.has(name)) continue;
      const child = schema.properties?.[name] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      if (!child) continue;
      const u = usable(child, ctx);
      if (!u.ok) continue;
      let body = `"${name}": ${skeleton(child)}`;
      // A ulimit entry repeats its name inside.
      if (path.length === 1 && path[0] === 'default-ulimits') body = `"${name}": { "Name": "${name}", "Soft": \${1:1024}, "Hard": \${2:1024} }`;
      items.push(keyItem(name, child, wrap(hasColon ? `"${name}"` : body), r, u.deprecated, `${pathText(path)}.${name}`, !!inString));
    }
    return done(items);
  }

  // A value: of a key (path ends with a name) or an array item (path ends with an index).
  const path = loc.path;
  if (path.length === 0) return done(items);
  const schema = schemaAtPath(path);
  const r = range(start, end);
  const last = path[path.length - 1];
  const key = typeof last === 'number' ? String(path[path.length - 2]) : String(last);
  const add = (value: unknown, detail: string, documentation?: string, deprecated = false): void => {
    const newText = JSON.stringify(value);
    items.push({
      label: newText,
      kind: CompletionItemKind.Value,
      detail,
      documentation: documentation ? docs(documentation) : undefined,
      textEdit: { range: r, newText },
      // What VS Code compares with the typed text in the range: quotes only when the range has them.
      filterText: inString ? newText : newText.replace(/^"(.*)"$/, '$1'),
      tags: deprecated ? [CompletionItemTag.Deprecated] : undefined,
    });
  };
  if (path.length === 1 && key === 'log-driver') {
    for (const [name, info] of Object.entries(logDrivers())) {
      const u = usable({ ...info, 'x-platforms': info.platforms }, ctx);
      if (u.ok) add(name, l10n.t('logging driver'), renderLogDriverDocs(name, info), u.deprecated);
    }
    return done(items);
  }
  if (path.length === 1 && key === 'default-runtime') {
    for (const p of properties(lastValue(model.object, 'runtimes'))) add(p.name, l10n.t('runtime from "runtimes"'));
  }
  // Whole values where the schema knows their shape: a pool, a ulimit, a runtime, log options (#20).
  for (const v of wholeValues(model, path, ctx)) {
    items.push({
      label: valueText(v),
      kind: CompletionItemKind.Value,
      detail: l10n.t('value of {0}', key),
      textEdit: { range: r, newText: valueSnippet(v) },
      insertTextFormat: InsertTextFormat.Snippet,
      filterText: valueText(v),
      sortText: '0',
    });
  }
  // Documented values: the key's, an array item's key's (exec-opts), a log option's (mode, compress, …).
  const values = valuesAt(path)?.values;
  if (values) {
    for (const [v, info] of Object.entries(values)) {
      const u = usable(info, ctx);
      if (u.ok) add(v, l10n.t('value of {0}', key), renderValueDocs(key, v, info), u.deprecated);
    }
  } else if (schema && mainType(schema) === 'boolean') {
    add(true, 'boolean');
    add(false, 'boolean');
  } else if (schema?.enum) {
    for (const v of schema.enum) if (v !== null) add(v, l10n.t('value of {0}', key));
  }
  return done(items);
}

function keyItem(key: string, e: SchemaNode, newText: string, range: Range, deprecated: boolean, label = key, quoted = false): CompletionItem {
  const item: CompletionItem = {
    label: key,
    kind: CompletionItemKind.Property,
    detail: mainType(e),
    documentation: docs(renderKeyDocs(label, e)),
    textEdit: { range, newText },
    insertTextFormat: InsertTextFormat.Snippet,
    // What VS Code compares with the typed text in the range: quotes only when the range starts with one.
    filterText: quoted ? `"${key}"` : key,
    sortText: `${deprecated ? '1' : '0'}${key}`,
  };
  if (deprecated) item.tags = [CompletionItemTag.Deprecated];
  return item;
}

/** The top-level keys a snippet body inserts (its unindented `"key":` lines). */
function snippetKeys(s: SnippetDef): string[] {
  return s.body.map((l) => /^"([^"]+)"\s*:/.exec(l)?.[1]).filter((k): k is string => k !== undefined);
}

function snippetItem(name: string, s: SnippetDef, newText: string, range: Range): CompletionItem {
  return {
    label: s.prefix,
    kind: CompletionItemKind.Snippet,
    detail: localized({ ...s, name }, 'name'),
    documentation: docs(localized(s, 'description')),
    textEdit: { range, newText },
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: `2${s.prefix}`,
  };
}

function containerAt(root: Node | undefined, path: (string | number)[]): Node | undefined {
  let node = root;
  for (const seg of path) {
    if (!node) return undefined;
    if (typeof seg === 'number') node = node.type === 'array' ? node.children?.[seg] : undefined;
    else node = lastValue(node, seg);
  }
  return node;
}

/** Characters of a key or enumerated value typed without quotes. */
const WORD_CHAR = /[A-Za-z0-9_.\-]/;

/** The run of word characters around `offset` on its line (empty at `offset` when there is none). */
function wordAround(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && WORD_CHAR.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && WORD_CHAR.test(text[end])) end++;
  return { start, end };
}

/**
 * The items whose name holds what was typed (`typed`, quotes and a comma before it
 * aside) as a subsequence, ignoring case: a superset of what VS Code's fuzzy filter
 * keeps, so it hides nothing the editor would show (#15 item 9). The list is incomplete
 * when something was left out, so that deleting a character asks again.
 */
function typedFilter(items: CompletionItem[], typed: string): CompletionList {
  const want = typed.replace(/^,?\s*/, '').replace(/"/g, '').toLowerCase();
  if (want === '') return { isIncomplete: false, items };
  const kept = items.filter((item) => isSubsequence(want, (item.filterText ?? item.label).replace(/"/g, '').toLowerCase()));
  return { isIncomplete: kept.length < items.length, items: kept };
}

function isSubsequence(needle: string, hay: string): boolean {
  let j = 0;
  for (let i = 0; i < hay.length && j < needle.length; i++) if (hay[i] === needle[j]) j++;
  return j === needle.length;
}
