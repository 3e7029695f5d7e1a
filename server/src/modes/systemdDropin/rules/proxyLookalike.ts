import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import { editDistance } from '../../suggest';
import { IGNORED_PROXY_VARIABLES, ignoredProxyVariableDocs, PROXY_VARIABLES } from '../directiveSchema';
import { variableRef, type DropinFix, type DropinModel } from '../model';

/**
 * Names that look like a proxy variable but are none of the six spellings Go reads
 * (HTTP_PROXY/http_proxy, HTTPS_PROXY/https_proxy, NO_PROXY/no_proxy): `HTTP-PROXY`
 * (also an invalid name for systemd), `HTTPPROXY`, `Http_Proxy`, `NOPROXY`, … and
 * the proxy variables dockerd never reads (ALL_PROXY, FTP_PROXY; schema data).
 */
function squash(name: string): string {
  return name.toUpperCase().replace(/[^A-Z]/g, '');
}

/** The six spellings Go reads, their squashed forms, and the ignored names: built once, they are tiny. */
const TARGETS = Object.keys(PROXY_VARIABLES);
const SQUASHED_TARGETS = TARGETS.map((t) => ({ target: t, squashed: squash(t) }));
const EXACT_NAMES = new Set(TARGETS.flatMap((t) => [t, PROXY_VARIABLES[t].lowercase]));
const IGNORED_NAMES = new Set(Object.keys(IGNORED_PROXY_VARIABLES));
/**
 * Every name this rule can report has an X once upper-cased: PROXY, PROXI and PRXY
 * contain one, and so do the ignored names (checked here, they are data). Only "x"
 * and "X" upper-case to an X (checked over all of Unicode), so a name without either
 * is skipped before the costly upper-casing and squashing.
 */
const ALL_NEED_X = [...SQUASHED_TARGETS.map((t) => t.squashed), ...IGNORED_NAMES].every((n) => n.includes('X'));
const HAS_X = /[xX]/;

/** The proxy variable `s` (a squashed name) is a near miss of, if any. */
function lookalikeOf(s: string): string | undefined {
  const same = SQUASHED_TARGETS.find((t) => t.squashed === s);
  if (same) return same.target;
  // The cheap tests first: most names are no proxy variable at all, and the edit
  // distance is the costly part.
  if (s.length < 7 || !/PROXY|PROXI|PRXY/.test(s)) return undefined;
  return SQUASHED_TARGETS.find((t) => editDistance(s, t.squashed) <= 1)?.target;
}

export const proxyLookalike: Rule<DropinModel, DropinFix> = (model) => {
  const out: Problem<DropinFix>[] = [];
  for (const line of model.environment) {
    for (const w of line.words) {
      if (w.problem === 'missing-equals' || w.problem === 'comment' || w.name.length === 0) continue;
      if (EXACT_NAMES.has(w.name)) continue;
      if (ALL_NEED_X && !HAS_X.test(w.name)) continue;
      const upper = w.name.toUpperCase();
      if (IGNORED_NAMES.has(upper)) {
        out.push({ range: [w.nameSpan.start, w.nameSpan.end], severity: 'warning', code: 'proxy-variable-unused', message: ignoredProxyVariableDocs()[upper] });
        continue;
      }
      const target = lookalikeOf(squash(w.name));
      if (!target) continue;
      const lower = w.name === w.name.toLowerCase();
      const fixName = lower ? PROXY_VARIABLES[target].lowercase : target;
      out.push({
        range: [w.nameSpan.start, w.nameSpan.end],
        severity: 'warning',
        code: 'proxy-name-lookalike',
        message: l10n.t('dockerd does not read "{0}": the proxy variables are spelled {1} or {2}.', w.name, target, PROXY_VARIABLES[target].lowercase),
        fixes: [{ kind: 'rename-variable', title: l10n.t('Rename to {0}', fixName), preferred: true, at: variableRef(w), to: fixName }],
      });
    }
  }
  return out;
};
