import * as l10n from '@vscode/l10n';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { ModeContext } from '../languageMode';
import { sentences } from '../localized';
import { effectiveProxies, proxyKeyOf, renderEffectiveProxy } from '../host/effectiveProxies';
import { hostOf } from '../host/hostModel';
import { isSectionName, proxyVariableOf, PROXY_VARIABLES } from './directiveSchema';
import { lineAt, type DropinModel, type Span } from './model';
import { parseNoProxy } from './noProxy';
import { readProxy, type ProxyReading } from './proxyUrl';
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
    return result(w.valueSpan, proxyUrlHover(r));
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

/**
 * How dockerd splits a proxy URL (#20: for `http://user:p@ss@proxy:3128` the hover did not
 * show which part became the user, the password and the host). Go's net/url takes the
 * userinfo up to the last `@` of the authority and splits it at its first `:` (url.User /
 * UserPassword); the password is said to be there, never shown.
 */
function proxyUrlHover(r: ProxyReading): string {
  const url = r.url!;
  const port = url.port || (url.scheme === 'https' ? '443' : url.scheme === 'socks5' ? '1080' : '80');
  const code = (t: string): string => `\`${t.replace(/`/g, "'")}\``;
  const creds = url.userinfo !== undefined ? l10n.t(', with credentials') : '';
  const lines = [sentences(l10n.t('dockerd connects to the proxy **{0}** on port **{1}** using **{2}**{3}.', url.host, port, url.scheme, creds), l10n.t('Go reads the value as:')), ''];
  lines.push(`- scheme: ${code(url.scheme)}${r.prefixed ? ` ${l10n.t('(none written: Go puts `http://` in front)')}` : ''}`);
  if (url.userinfo !== undefined) {
    const colon = url.userinfo.indexOf(':');
    const user = colon < 0 ? url.userinfo : url.userinfo.slice(0, colon);
    lines.push(`- user: ${user === '' ? l10n.t('empty') : code(user)}`);
    lines.push(`- password: ${colon < 0 ? l10n.t('none') : l10n.t('given (not shown)')}`);
  }
  lines.push(`- host: ${code(url.host)}`);
  lines.push(`- port: ${code(port)}${url.port ? '' : ` ${l10n.t('(the default of the scheme)')}`}`);
  return lines.join('\n');
}
