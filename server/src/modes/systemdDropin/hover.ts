import * as l10n from '@vscode/l10n';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { ModeContext } from '../languageMode';
import { effectiveProxies, proxyKeyOf, renderEffectiveProxy } from '../host/effectiveProxies';
import { hostOf } from '../host/hostModel';
import { isSectionName, proxyVariableOf, PROXY_VARIABLES } from './directiveSchema';
import { lineAt, type DropinModel, type Span } from './model';
import { parseNoProxy } from './noProxy';
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

export function hover(document: TextDocument, position: Position, model: DropinModel, ctx?: ModeContext): Hover | null {
  const result = (span: Span, value: string): Hover => ({
    contents: { kind: MarkupKind.Markdown, value },
    range: { start: document.positionAt(span.start), end: document.positionAt(span.end) },
  });
  const offset = document.offsetAt(position);
  // The one logical line under the cursor, found by binary search.
  const line = lineAt(model, offset);
  if (line === undefined) return null;
  const h = line.header;
  if (h) return within(h.span, offset) && isSectionName(h.name) ? result(h.span, renderSection(h.name)) : null;
  for (const w of line.environment?.words ?? []) {
    if (!within(w.word.span, offset)) continue;
    for (const u of w.resolved.uses) {
      const doc = within(u.span, offset) ? renderSpecifier(u.letter) : undefined;
      if (doc) return result(u.span, doc);
    }
    const upper = proxyVariableOf(w.name);
    if (!upper) return null;
    if (within(w.nameSpan, offset)) {
      const docs = renderProxyVariable(upper, model) ?? '';
      // What dockerd will use, from the whole host (#17): daemon.json and flags win from 23.0.
      const key = proxyKeyOf(upper);
      if (!ctx || !/^(http|https|no)-proxy$/.test(key)) return result(w.nameSpan, docs);
      const effective = effectiveProxies(hostOf({ uri: model.uri, model }, 'systemdDropin', ctx), ctx).get(upper);
      return result(w.nameSpan, `${docs}\n\n---\n\n${renderEffectiveProxy(effective, upper)}`);
    }
    if (!within(w.valueSpan, offset)) return null;
    const at = valueIndexAt(w.valueOffsets, w.value.length, offset);
    if (PROXY_VARIABLES[upper].kind === 'noProxy') {
      const entry = parseNoProxy(w.value).find((e) => at >= e.start && at <= e.end);
      if (!entry) return null;
      const span = { start: w.valueOffsets[entry.start], end: w.valueOffsets[entry.end - 1] + 1 };
      const meaning = entry.kind === 'nothing' ? l10n.t('matches nothing: {0}', entry.reason ?? '') : l10n.t('bypasses the proxy for {0}', entry.meaning);
      return result(span, l10n.t('**NO_PROXY entry** `{0}` {1}.\n\n`localhost` and loopback addresses bypass the proxy anyway.', entry.text, meaning));
    }
    const r = readProxy(w.value);
    if (!r.url || r.error) return null;
    const port = r.url.port || (r.url.scheme === 'https' ? '443' : r.url.scheme === 'socks5' ? '1080' : '80');
    const creds = r.url.userinfo !== undefined ? l10n.t(', with credentials') : '';
    return result(w.valueSpan, l10n.t('dockerd connects to the proxy **{0}** on port **{1}** using **{2}**{3}.', r.url.host, port, r.url.scheme, creds));
  }
  const a = line.assignment;
  if (!a || !within(a.keySpan, offset)) return null;
  const doc = renderDirective(a.section?.name ?? '', a.key);
  return doc ? result(a.keySpan, doc) : null;
}

/** The first character of the value whose source covers `offset`, or -1. */
function valueIndexAt(offsets: readonly number[], length: number, offset: number): number {
  for (let i = 0; i < length && i < offsets.length; i++) {
    const o = offsets[i];
    if (o <= offset && offset < (offsets[i + 1] ?? o + 1)) return i;
  }
  return -1;
}
