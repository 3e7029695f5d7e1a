import * as l10n from '@vscode/l10n';
import { parseCidr } from '../../../shared/cidr';
import { type DaemonJsonProblem, type DaemonJsonRule, pathOf, stringItems, topValue } from '../model';
import { problemAt } from '../problemAt';
import { target } from '../target';
import { refuses } from '../valueRules';

/**
 * `registry-mirrors` and `insecure-registries` (moby registry config.go ValidateMirror,
 * LoadInsecureRegistries; docker-facts §2.5–2.6; runs on 20.10).
 */
export const registries: DaemonJsonRule = (model, ctx) => {
  const t = target(ctx);
  const out: DaemonJsonProblem[] = [];
  for (const { node, value } of stringItems(topValue(model, 'registry-mirrors'))) {
    let url: URL | undefined;
    const scheme = /^([a-zA-Z][\w+.-]*):\/\//.exec(value)?.[1];
    if (!scheme) {
      out.push(problemAt(node, 'error', 'invalid-mirror', l10n.t('Mirror "{0}" has no scheme: dockerd refuses to start. Write "https://{1}".', value, value), [{ title: l10n.t('Change to "https://{0}"', value), kind: 'replaceValue', path: pathOf(node), from: value, to: `https://${value}` }]));
      continue;
    }
    if (scheme !== 'http' && scheme !== 'https') {
      out.push(problemAt(node, 'error', 'invalid-mirror', l10n.t('Mirror "{0}" must use https:// or http://: dockerd refuses to start.', value)));
      continue;
    }
    try {
      url = new URL(value);
    } catch {
      out.push(problemAt(node, 'error', 'invalid-mirror', l10n.t('Mirror "{0}" is not a valid URL: dockerd refuses to start.', value)));
      continue;
    }
    if (url.username || url.password) {
      out.push(problemAt(node, 'error', 'invalid-mirror', l10n.t('Mirror "{0}" contains credentials, which dockerd does not allow: it refuses to start. Use "docker login" for the mirror instead.', value)));
    } else if (url.search || url.hash || value.includes('?') || value.includes('#')) {
      // The fixes cut the written text, not URL's normalised form (which would also lower-case
      // the host or drop a default port the user wrote).
      const bare = value.replace(/[?#][^]*$/, '');
      out.push(problemAt(node, 'error', 'invalid-mirror', l10n.t('Mirror "{0}" has a query or fragment: dockerd refuses to start. Remove it.', value), [
        { title: l10n.t('Change to "{0}"', bare), kind: 'replaceValue', path: pathOf(node), from: value, to: bare },
      ]));
    } else if (url.pathname !== '/' && url.pathname !== '' && refuses('mirror-path', t.version)) {
      // Up to the first slash or backslash (URL reads `\\` as `/` in an http(s) URL).
      const origin = `${scheme}://${value.slice(scheme.length + 3).split(/[/\\]/)[0]}`;
      out.push(problemAt(node, 'error', 'invalid-mirror', l10n.t('Engine {0} refuses a path in mirror "{1}". Remove the path.', t.versionText, value), [
        { title: l10n.t('Change to "{0}"', origin), kind: 'replaceValue', path: pathOf(node), from: value, to: origin },
      ]));
    }
  }
  for (const { node, value } of stringItems(topValue(model, 'insecure-registries'))) {
    // Long lists of plain host:port entries: skip the regexes when they cannot match.
    const scheme = value.includes('://') ? /^([a-zA-Z][\w+.-]*):\/\//.exec(value)?.[1] : undefined;
    if (scheme === 'http' || scheme === 'https') {
      const bare = value.slice(scheme.length + 3);
      out.push(problemAt(node, 'warning', 'insecure-registry-scheme', l10n.t('dockerd strips "{0}://" from insecure registry "{1}"; write just "{2}".', scheme, value, bare), [{ title: l10n.t('Change to "{0}"', bare), kind: 'replaceValue', path: pathOf(node), from: value, to: bare }]));
      continue;
    }
    if (scheme) {
      out.push(problemAt(node, 'error', 'invalid-insecure-registry', l10n.t('Insecure registry "{0}" must not contain "://": dockerd refuses to start. Write host[:port] or a CIDR.', value)));
      continue;
    }
    if (value.includes('/') && !parseCidr(value)) {
      out.push(problemAt(node, 'error', 'invalid-insecure-registry', l10n.t('Insecure registry "{0}" is neither host[:port] nor a CIDR: dockerd refuses to start.', value)));
      continue;
    }
    const hostEnd = portStart(value);
    if (hostEnd > 0 && (value.charCodeAt(0) === 45 || value.charCodeAt(hostEnd - 1) === 45) /* "-" */) {
      out.push(problemAt(node, 'error', 'invalid-insecure-registry', l10n.t('Insecure registry "{0}" cannot begin or end with a hyphen: dockerd refuses to start.', value)));
    }
  }
  return out;
};

/** Where a trailing ":digits" port starts (what /:\d+$/ matches), else the length: the host is what comes before. */
function portStart(value: string): number {
  let i = value.length;
  while (i > 0 && value.charCodeAt(i - 1) >= 48 && value.charCodeAt(i - 1) <= 57) i--;
  return i < value.length && i > 0 && value.charCodeAt(i - 1) === 58 /* : */ ? i - 1 : value.length;
}
