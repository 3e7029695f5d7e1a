import { localized } from '../localized';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { DIRECTIVES, KNOWN_DIRECTIVES, PROXY_VARIABLES, SECTION_NAMES, directiveEntry, isSectionName } from './directiveSchema';
import { sectionBefore, type DropinModel } from './model';
import { renderDirective, renderProxyVariable, renderSection } from './renderDocs';
import { readDataFile } from '../../shared/dataFile';

const snippets = readDataFile<typeof import('../../../../snippets/systemdDropin.json')>('snippets/systemdDropin.json');

/**
 * Completion at four places: a `[` line (section headers), the start of a line
 * (directives of the current section, plus the snippets of snippets/systemdDropin.json),
 * inside `Environment=` (the proxy variables as quoted skeletons) and after `=` of a
 * directive with a fixed set of values.
 */

interface SnippetEntry {
  prefix: string;
  description: string;
  body: string[];
}

function markdown(value: string | undefined): CompletionItem['documentation'] {
  return value ? { kind: MarkupKind.Markdown, value } : undefined;
}

/** The snippets; inside [Service] without their own `[Service]` line (a repeated header is legal but noisy). */
function snippetItems(range: Range, section: string | undefined): CompletionItem[] {
  return Object.entries(snippets as Record<string, SnippetEntry>).map(([label, snippet]) => {
    const s = section === 'Service' && snippet.body[0] === '[Service]' ? { ...snippet, body: snippet.body.slice(1) } : snippet;
    return {
      label: s.prefix,
      kind: CompletionItemKind.Snippet,
      detail: localized({ ...snippet, name: label }, 'name'),
      documentation: markdown(
        `${localized(snippet, 'description')}\n\n\`\`\`\n${s.body
          .join('\n')
          .replace(/\$\{\d+:([^}]*)\}/g, '$1')
          .replace(/\$\d/g, '')}\n\`\`\``,
      ),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: s.body.join('\n') },
      sortText: '2',
    };
  });
}

export function complete(document: TextDocument, at: Position, model: DropinModel): CompletionList {
  // A position past the end of a line or of the document is taken where it lands, so
  // that no range reaches past the text (#15 item 6).
  const position = document.positionAt(document.offsetAt(at));
  const lineStart = document.offsetAt({ line: position.line, character: 0 });
  // The line without its break: \n, \r\n or a lone \r, as LSP has them (#15 item 5).
  const lineText = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/(?:\r\n|\r|\n)$/, '');
  const before = lineText.slice(0, position.character);
  const indent = before.length - before.trimStart().length;
  const trimmed = before.trimStart();
  const items: CompletionItem[] = [];
  if (/^[#;]/.test(trimmed)) return { isIncomplete: false, items };

  if (trimmed.startsWith('[')) {
    const closing = lineText.indexOf(']', position.character);
    const end = closing >= 0 ? closing + 1 : position.character;
    const range = { start: { line: position.line, character: indent }, end: { line: position.line, character: end } };
    for (const name of SECTION_NAMES) {
      items.push({
        label: `[${name}]`,
        kind: CompletionItemKind.Module,
        documentation: markdown(renderSection(name)),
        textEdit: { range, newText: `[${name}]` },
      });
    }
    return { isIncomplete: false, items };
  }

  const eq = before.indexOf('=');
  // The section of the line: the last header above it.
  const section = sectionBefore(model, lineStart)?.name;
  if (eq < 0) {
    const range = { start: { line: position.line, character: indent }, end: position };
    if (!isSectionName(section)) {
      for (const name of SECTION_NAMES) {
        items.push({
          label: `[${name}]`,
          kind: CompletionItemKind.Module,
          documentation: markdown(renderSection(name)),
          textEdit: { range, newText: `[${name}]\n` },
        });
      }
      items.push(...snippetItems(range, section));
      return { isIncomplete: false, items };
    }
    const curated = DIRECTIVES[section];
    for (const key of KNOWN_DIRECTIVES[section]) {
      const entry = Object.prototype.hasOwnProperty.call(curated, key) ? curated[key] : undefined;
      items.push({
        label: key,
        kind: CompletionItemKind.Property,
        detail: entry?.form,
        documentation: markdown(renderDirective(section, key)),
        textEdit: { range, newText: `${key}=` },
        // The directives that make sense in a docker.service drop-in come first.
        sortText: entry ? `0${key}` : `1${key}`,
        // Re-open completion after `=` where there are values to offer.
        command:
          entry && ['environment', 'enum', 'delegate', 'timespan'].includes(entry.kind)
            ? { title: 'Suggest', command: 'editor.action.triggerSuggest' }
            : undefined,
      });
    }
    items.push(...snippetItems(range, section));
    return { isIncomplete: false, items };
  }

  const key = before.slice(0, eq).trim();
  if (!isSectionName(section)) return { isIncomplete: false, items };
  if (section === 'Service' && key === 'Environment') {
    // The word being typed: from the last blank outside quotes to the cursor.
    let start = eq + 1;
    let quote: string | undefined;
    for (let i = eq + 1; i < before.length; i++) {
      const c = before[i];
      if (quote) {
        if (c === quote) quote = undefined;
      } else if (c === '"' || c === "'") {
        if (i === start || /\s/.test(before[i - 1])) start = i;
        quote = c;
      } else if (/\s/.test(c)) start = i + 1;
    }
    const word = before.slice(start);
    if (word.replace(/^["']/, '').includes('=')) return { isIncomplete: false, items };
    const range = { start: { line: position.line, character: start }, end: position };
    const q = word.startsWith("'") ? "'" : '"';
    for (const [upper, v] of Object.entries(PROXY_VARIABLES)) {
      items.push({
        label: upper,
        kind: CompletionItemKind.Variable,
        detail: `${upper}=${v.example}`,
        documentation: markdown(renderProxyVariable(upper, model)),
        insertTextFormat: InsertTextFormat.Snippet,
        filterText: `${word.startsWith(q) ? q : ''}${upper}`,
        textEdit: { range, newText: `${q}${upper}=\${1:${v.example}}${q}` },
      });
    }
    return { isIncomplete: false, items };
  }
  const entry = directiveEntry(section, key);
  const values = entry?.kind === 'delegate' ? [...(entry.values ?? []), ...(entry.controllers ?? [])] : entry?.values;
  if (entry && values) {
    const valueStart = eq + 1 + (before.slice(eq + 1).length - before.slice(eq + 1).trimStart().length);
    const range = { start: { line: position.line, character: valueStart }, end: position };
    for (const value of values) {
      items.push({ label: value, kind: CompletionItemKind.EnumMember, detail: `${key}=${value}`, textEdit: { range, newText: value } });
    }
  } else if (entry?.kind === 'timespan') {
    const range = { start: position, end: position };
    for (const value of ['0', '90s', '5min', 'infinity']) items.push({ label: value, kind: CompletionItemKind.Value, textEdit: { range, newText: value } });
  }
  return { isIncomplete: false, items };
}
