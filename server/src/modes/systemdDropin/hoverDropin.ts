import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { isSectionName, proxyVariableOf, PROXY_VARIABLES } from './directiveSchema';
import type { DropinModel } from './dropinModel';
import { parseNoProxy } from './noProxy';
import { locRange, positionToLoc } from './loc';
import type { OffsetMap } from './offsetMap';
import type { Span } from './parseDropin';
import { readProxy } from './proxyUrl';
import { renderDirective, renderProxyVariable, renderSection, renderSpecifier } from './renderDocs';

/**
 * Hover on a section header, a directive name, a specifier, a proxy variable name, or
 * inside a proxy value: a NO_PROXY entry (what it matches) or a proxy URL (what
 * dockerd connects to).
 */

function within(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

function hover(span: Span, value: string): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: locRange(span) };
}

export function hoverDropin(position: Position, model: DropinModel): Hover | null {
  // Spans in the model are locs (loc.ts); so is the position.
  const offset = positionToLoc(position);
  for (const h of model.doc.headers) {
    if (within(h.span, offset) && isSectionName(h.name)) return hover(h.span, renderSection(h.name));
  }
  for (const line of model.environment) {
    for (const w of line.words) {
      if (!within(w.word.span, offset)) continue;
      for (const u of w.resolved.uses) {
        const doc = within(u.span, offset) ? renderSpecifier(u.letter) : undefined;
        if (doc) return hover(u.span, doc);
      }
      const upper = proxyVariableOf(w.name);
      if (!upper) return null;
      if (within(w.nameSpan, offset)) return hover(w.nameSpan, renderProxyVariable(upper, model) ?? '');
      if (!within(w.valueSpan, offset)) return null;
      const at = valueIndexAt(w.valueOffsets, w.value.length, offset);
      if (PROXY_VARIABLES[upper].kind === 'noProxy') {
        const entry = parseNoProxy(w.value).find((e) => at >= e.start && at <= e.end);
        if (!entry) return null;
        const span = { start: w.valueOffsets.get(entry.start)!, end: w.valueOffsets.get(entry.end - 1)! + 1 };
        const meaning = entry.kind === 'nothing' ? `matches nothing: ${entry.reason}` : `bypasses the proxy for ${entry.meaning}`;
        return hover(span, `**NO_PROXY entry** \`${entry.text}\` ${meaning}.\n\n\`localhost\` and loopback addresses bypass the proxy anyway.`);
      }
      const r = readProxy(w.value);
      if (!r.url || r.error) return null;
      const port = r.url.port || (r.url.scheme === 'https' ? '443' : r.url.scheme === 'socks5' ? '1080' : '80');
      const creds = r.url.userinfo !== undefined ? ', with credentials' : '';
      return hover(w.valueSpan, `dockerd connects to the proxy **${r.url.host}** on port **${port}** using **${r.url.scheme}**${creds}.`);
    }
  }
  for (const a of model.doc.assignments) {
    if (!within(a.keySpan, offset)) continue;
    const doc = renderDirective(a.section?.name ?? '', a.key);
    return doc ? hover(a.keySpan, doc) : null;
  }
  return null;
}

/** The first character of the value whose source covers `offset`, or -1. */
function valueIndexAt(offsets: OffsetMap, length: number, offset: number): number {
  for (let i = 0; i < length && i < offsets.length; i++) {
    const o = offsets.get(i)!;
    if (o <= offset && offset < (offsets.get(i + 1) ?? o + 1)) return i;
  }
  return -1;
}
