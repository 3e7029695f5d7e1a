import { isMap } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, type ModeContext } from '../languageMode';
import type { ComposeModel } from './composeModel';
import type { FixData } from './rules/problem';
import { isNull } from './yamlNodes';

/**
 * Quick fixes, driven by the `data` each diagnostic carries (rules/problem.ts FixData):
 * declare a missing network (plain or external), replace an overlapping subnet by a
 * free one, drop `network_mode` or `networks`, write the value a warning suggests.
 */
export function getCodeActions(document: TextDocument, _range: Range, diagnostics: Diagnostic[], model: ComposeModel, _ctx: ModeContext): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE || !d.data || typeof d.data !== 'object') continue;
    const data = d.data as FixData;
    const action = (title: string, edits: TextEdit[], preferred = false): CodeAction => ({
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: preferred || undefined,
      edit: { changes: { [document.uri]: edits } },
    });
    switch (data.fix) {
      case 'declare-network': {
        const plain = declareNetwork(document, model, data.network, false);
        const external = declareNetwork(document, model, data.network, true);
        if (plain) out.push(action(`Declare network \`${data.network}\``, [plain], true));
        if (external) out.push(action(`Declare \`${data.network}\` as an existing (external) network`, [external]));
        break;
      }
      case 'free-subnet':
        out.push(action(`Use the free subnet ${data.subnet}`, [{ range: d.range, newText: data.subnet }], true));
        break;
      case 'replace':
        out.push(action(data.title, [{ range: d.range, newText: data.text }], true));
        break;
      case 'remove-key': {
        out.push(action(`Remove \`${data.key}\``, [removeEntry(document, data.start)]));
        if (data.alternative) out.push(action(`Remove \`${data.alternative.key}\``, [removeEntry(document, data.alternative.start)]));
        break;
      }
    }
  }
  return out;
}

/** Deletes a block-style entry: its key line and every following line indented deeper. */
function removeEntry(document: TextDocument, keyOffset: number): TextEdit {
  const text = document.getText();
  const lineStart = text.lastIndexOf('\n', keyOffset - 1) + 1;
  const indent = keyOffset - lineStart;
  let end = text.indexOf('\n', keyOffset);
  end = end < 0 ? text.length : end + 1;
  while (end < text.length) {
    const next = text.indexOf('\n', end);
    const line = text.slice(end, next < 0 ? text.length : next);
    const ind = /^\s*/.exec(line)![0].length;
    if (line.trim() !== '' && ind <= indent && !line.trimStart().startsWith('#')) break;
    end = next < 0 ? text.length : next + 1;
  }
  return { range: { start: document.positionAt(lineStart), end: document.positionAt(end) }, newText: '' };
}

/** The edit adding `name:` (optionally external) to the top-level `networks`, creating it if needed. */
function declareNetwork(document: TextDocument, model: ComposeModel, name: string, external: boolean): TextEdit | undefined {
  const text = document.getText();
  const root = model.networksRoots[model.networksRoots.length - 1];
  if (!root) {
    const docEnd = model.docs.length ? (model.docs[0].contents?.range?.[2] ?? text.length) : text.length;
    const at = Math.min(docEnd, text.length);
    const lead = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
    const body = `${lead}\nnetworks:\n  ${name}:${external ? '\n    external: true' : ''}\n`;
    return { range: { start: document.positionAt(at), end: document.positionAt(at) }, newText: body };
  }
  const value = isNull(root.entry.value) ? null : root.entry.value;
  if (value && (!isMap(value) || value.flow)) return undefined;
  // Indentation of the existing network keys, else two more than `networks:`.
  const keyOffset = root.entry.keyNode.range![0];
  const keyCol = keyOffset - (text.lastIndexOf('\n', keyOffset - 1) + 1);
  let col = keyCol + 2;
  const first = isMap(value) ? value.items[0]?.key : undefined;
  const firstOffset = (first as { range?: number[] } | undefined)?.range?.[0];
  if (firstOffset !== undefined) col = firstOffset - (text.lastIndexOf('\n', firstOffset - 1) + 1);
  const pad = ' '.repeat(col);
  // Append after the last line of the mapping (or of `networks:` when it is empty).
  const valueEnd = value?.range ? value.range[1] : root.entry.keyNode.range![1];
  let insertAt: number;
  if (valueEnd > 0 && text[valueEnd - 1] === '\n') insertAt = valueEnd;
  else {
    const nl = text.indexOf('\n', valueEnd);
    insertAt = nl < 0 ? text.length : nl + 1;
  }
  const lead = insertAt > 0 && text[insertAt - 1] !== '\n' ? '\n' : '';
  const body = `${lead}${pad}${name}:${external ? `\n${pad}  external: true` : ''}\n`;
  return { range: { start: document.positionAt(insertAt), end: document.positionAt(insertAt) }, newText: body };
}
