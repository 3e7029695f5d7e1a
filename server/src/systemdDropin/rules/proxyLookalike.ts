import { editDistance } from '../../utils/suggest';
import { IGNORED_PROXY_VARIABLES, PROXY_VARIABLES } from '../directiveSchema';
import { diagnostic, DiagnosticSeverity, replaceEdit, type Rule } from './rule';

/**
 * Names that look like a proxy variable but are none of the six spellings Go reads
 * (HTTP_PROXY/http_proxy, HTTPS_PROXY/https_proxy, NO_PROXY/no_proxy): `HTTP-PROXY`
 * (also an invalid name for systemd), `HTTPPROXY`, `Http_Proxy`, `NOPROXY`, … and
 * the proxy variables dockerd never reads (ALL_PROXY, FTP_PROXY; schema data).
 */
function squash(name: string): string {
  return name.toUpperCase().replace(/[^A-Z]/g, '');
}

export const proxyLookalike: Rule = (ctx) => {
  const out = [];
  const targets = Object.keys(PROXY_VARIABLES);
  for (const line of ctx.model.environment) {
    for (const w of line.words) {
      if (w.problem === 'missing-equals' || w.problem === 'comment' || w.name.length === 0) continue;
      const upper = w.name.toUpperCase();
      if (targets.some((t) => w.name === t || w.name === PROXY_VARIABLES[t].lowercase)) continue;
      const ignored = Object.keys(IGNORED_PROXY_VARIABLES).find((k) => k === upper);
      if (ignored) {
        out.push(diagnostic(ctx, w.nameSpan, 'proxy-variable-unused', IGNORED_PROXY_VARIABLES[ignored], DiagnosticSeverity.Warning));
        continue;
      }
      const s = squash(w.name);
      const target =
        targets.find((t) => squash(t) === s) ?? targets.find((t) => s.length >= 7 && editDistance(s, squash(t)) <= 1 && /PROXY|PROXI|PRXY/.test(s));
      if (!target) continue;
      const lower = w.name === w.name.toLowerCase();
      const fixName = lower ? PROXY_VARIABLES[target].lowercase : target;
      out.push(
        diagnostic(
          ctx,
          w.nameSpan,
          'proxy-name-lookalike',
          `dockerd does not read "${w.name}": the proxy variables are spelled ${target} or ${PROXY_VARIABLES[target].lowercase}.`,
          DiagnosticSeverity.Warning,
          [{ title: `Rename to ${fixName}`, edits: [replaceEdit(ctx, w.nameSpan, fixName)] }],
        ),
      );
    }
  }
  return out;
};
