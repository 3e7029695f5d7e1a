import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CodeAction, CodeActionKind, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from '../languageMode';
import type { DaemonJsonDocument } from './parseDaemonJson';
import type { DiagnosticData, Fix } from './ruleContext';

/**
 * Quick fixes from the `data` the rules attach to their diagnostics; the edit is
 * computed from the diagnostic's range (the key or value node), never from its message.
 */
function editFor(document: TextDocument, parsed: DaemonJsonDocument, range: Range, fix: Fix): TextEdit[] | undefined {
  switch (fix.kind) {
    case 'renameKey': {
      const edits: TextEdit[] = [{ range, newText: JSON.stringify(fix.to) }];
      if (fix.wrapInArray) {
        // The value follows the key: find it in the tree and wrap it in [ ].
        const keyOffset = document.offsetAt(range.start);
        const prop = parsed.object?.children?.find((c) => c.children?.[0]?.offset === keyOffset);
        const value = prop?.children?.[1];
        if (value) {
          edits.push({ range: { start: document.positionAt(value.offset), end: document.positionAt(value.offset + value.length) }, newText: `[${parsed.text.slice(value.offset, value.offset + value.length)}]` });
        }
      }
      return edits;
    }
    case 'replaceValue':
      return [{ range, newText: JSON.stringify(fix.to) }];
    case 'moveIntoObject': {
      // Top-level property → inside the top-level object `fix.object` (created if absent).
      const keyOffset = document.offsetAt(range.start);
      const props = parsed.object?.children ?? [];
      const i = props.findIndex((c) => c.children?.[0]?.offset === keyOffset);
      const prop = props[i];
      if (!prop?.children?.[1]) return undefined;
      const propText = parsed.text.slice(prop.offset, prop.offset + prop.length);
      const target = props.filter((c) => c.children?.[0]?.value === fix.object).pop()?.children?.[1];
      const at = (start: number, end: number): Range => ({ start: document.positionAt(start), end: document.positionAt(end) });
      if (!target || target.type !== 'object') return [{ range: at(prop.offset, prop.offset + prop.length), newText: `${JSON.stringify(fix.object)}: { ${propText} }` }];
      const removal = editFor(document, parsed, range, { kind: 'removeProperty' });
      if (!removal) return undefined;
      const insert = { range: at(target.offset + 1, target.offset + 1), newText: ` ${propText}${target.children && target.children.length > 0 ? ',' : ''}` };
      return [...removal, insert];
    }
    case 'removeProperty': {
      // Remove the whole property with its comma: from the key to the next key (or back to the previous comma when last).
      const keyOffset = document.offsetAt(range.start);
      const findIn = (node: DaemonJsonDocument['root']): { start: number; end: number } | undefined => {
        if (!node?.children) return undefined;
        if (node.type === 'object') {
          const props = node.children;
          const i = props.findIndex((c) => c.children?.[0]?.offset === keyOffset);
          if (i >= 0) {
            const p = props[i];
            if (i + 1 < props.length) return { start: p.offset, end: props[i + 1].offset };
            if (i > 0) {
              const prevEnd = props[i - 1].offset + props[i - 1].length;
              return { start: prevEnd, end: p.offset + p.length };
            }
            return { start: p.offset, end: p.offset + p.length };
          }
        }
        for (const c of node.children) {
          const r = findIn(c);
          if (r) return r;
        }
        return undefined;
      };
      const span = findIn(parsed.root);
      return span ? [{ range: { start: document.positionAt(span.start), end: document.positionAt(span.end) }, newText: '' }] : undefined;
    }
  }
}

export function daemonJsonCodeActions(document: TextDocument, _range: Range, diagnostics: Diagnostic[], parsed: DaemonJsonDocument): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    const data = d.data as DiagnosticData | undefined;
    if (!data || !Array.isArray(data.fixes)) continue;
    for (const { title, fix } of data.fixes) {
      const edits = editFor(document, parsed, d.range, fix);
      if (!edits) continue;
      actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: data.fixes.length === 1, edit: { changes: { [document.uri]: edits } } });
    }
  }
  return actions;
}
