import * as l10n from '@vscode/l10n';
import type { Problem, Rule, Severity } from '../../languageMode';
import { PROXY_VARIABLES, proxyVariableOf } from '../directiveSchema';
import { valueSlice, variableRef, type DropinFix, type DropinModel, type EnvWord, type Span } from '../model';
import { readProxy } from '../proxyUrl';

/**
 * HTTP_PROXY / HTTPS_PROXY values as dockerd (Go, x/net httpproxy) reads them; see
 * proxyUrl.ts. dockerd accepts every value at start-up, so these are warnings:
 * - characters in the user name or password that break URL parsing must be
 *   percent-encoded, and systemd needs the `%` doubled (docker/docs proxy.md);
 * - a value Go cannot parse is re-read with `http://` in front (usually naming a proxy
 *   host such as "http"), or, when that fails too, dropped: dockerd connects directly;
 * - a scheme other than http/https/socks5 is misread as a host name;
 * - a known specifier followed by hex digits (`%C3`) is expanded by systemd instead
 *   of reaching dockerd as a percent-encoding.
 */
const USERINFO_BAD = /[^A-Za-z0-9\-._:~!$&'()*+,;=%@]/;

function percentEncode(ch: string): string {
  return [...new TextEncoder().encode(ch)].map((b) => '%%' + b.toString(16).toUpperCase().padStart(2, '0')).join('');
}

function problem(span: Span, code: string, message: string, severity: Severity, fixes?: DropinFix[]): Problem<DropinFix> {
  return { range: [span.start, span.end], severity, code, message, fixes };
}

function checkWord(model: DropinModel, w: EnvWord, out: Problem<DropinFix>[]): void {
  const v = w.value;
  const name = w.name;
  // Specifiers first: their expansion is unknown here.
  for (const [i, u] of w.resolved.uses.entries()) {
    if (!u.known) return;
    const next = model.text.charAt(u.span.end);
    if (/[0-9a-fA-F]/.test(u.letter) && /[0-9a-fA-F]/.test(next)) {
      out.push(
        problem(
          u.span,
          'proxy-specifier-in-url',
          l10n.t('systemd replaces %{0} with a specifier value, so dockerd never sees the percent-encoding %{0}{1}. Write %%{0}{1}.', u.letter, next),
          'warning',
          [{ kind: 'double-percent', title: l10n.t('Write %%{0}', u.letter), preferred: true, safe: true, at: variableRef(w), use: i, letter: u.letter }],
        ),
      );
    }
  }
  if (w.resolved.uses.length > 0 || v.length === 0) return;
  const scheme = v.indexOf('://');
  const at = v.lastIndexOf('@');
  if (scheme >= 0 && at > scheme + 3) {
    const userinfoStart = scheme + 3;
    let bad = false;
    for (let i = userinfoStart; i < at; i++) {
      const ch = v[i];
      if (!USERINFO_BAD.test(ch)) continue;
      bad = true;
      const enc = percentEncode(ch);
      out.push(
        problem(
          valueSlice(w, i, i + 1),
          'proxy-url-needs-encoding',
          l10n.t('\'{0}\' in the proxy user name or password must be percent-encoded, and systemd needs the % doubled: write {1}. Unencoded, Go reads a different proxy host.', ch, enc),
          'warning',
          [{ kind: 'encode-character', title: l10n.t('Replace with {0}', enc), preferred: true, safe: true, at: variableRef(w), index: i, character: ch, to: enc }],
        ),
      );
    }
    if (bad) return;
  }
  const reading = readProxy(v);
  const whole = valueSlice(w, 0, v.length);
  if (reading.error) {
    out.push(
      problem(
        whole,
        'proxy-url-invalid',
        l10n.t('dockerd cannot parse this {0} ({1}) and silently uses no proxy. Write it as http://host:port.', name, reading.error),
        'warning',
      ),
    );
    return;
  }
  if (reading.firstError) {
    out.push(
      problem(
        whole,
        'proxy-url-invalid',
        l10n.t('Go cannot parse this {0} ({1}); dockerd then reads it as http://{2} and tries a proxy host named "{3}". Write it as http://host:port.', name, reading.firstError, v, reading.url?.host ?? ''),
        'warning',
      ),
    );
    return;
  }
  if (reading.ignoredScheme) {
    const host = reading.url?.host ?? '';
    out.push(
      problem(
        valueSlice(w, 0, reading.ignoredScheme.length),
        'proxy-url-scheme',
        l10n.t('dockerd does not support the proxy scheme "{0}" (only http, https and socks5): Go reads this value as http://{1} and tries a proxy host named "{2}". Use http://, https:// or socks5://.', reading.ignoredScheme, v, host),
        'warning',
      ),
    );
    return;
  }
  if (reading.url && reading.url.host.length === 0) {
    out.push(
      problem(
        whole,
        'proxy-url-invalid',
        l10n.t('This {0} has no host name, so dockerd cannot reach the proxy. Write it as http://host:port.', name),
        'warning',
      ),
    );
  }
}

export const proxyUrlValue: Rule<DropinModel, DropinFix> = (model) => {
  const out: Problem<DropinFix>[] = [];
  for (const w of model.variables) {
    const upper = proxyVariableOf(w.name);
    if (upper && PROXY_VARIABLES[upper].kind === 'url') checkWord(model, w, out);
  }
  return out;
};
