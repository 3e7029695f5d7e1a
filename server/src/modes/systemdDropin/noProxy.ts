import * as l10n from '@vscode/l10n';
import { describeRange, parseCidr, parseIp } from '../../shared/cidr';

/**
 * NO_PROXY entries as golang.org/x/net `http/httpproxy` `config.init()` reads them
 * (the code behind Go's ProxyFromEnvironment, which dockerd uses): split at commas,
 * trimmed and lower-cased; `*` alone disables the proxy; a CIDR matches IP addresses
 * in range; an IP (optionally `:port`, IPv6 in brackets) matches exactly; anything
 * else is a domain suffix (`*.x` is the same as `.x`; without a leading dot the name
 * itself matches too). Malformed entries are not errors in Go: they simply match
 * nothing, which is what `reason` explains.
 */

export type NoProxyKind = 'all' | 'cidr' | 'ip' | 'domain' | 'nothing';

export interface NoProxyEntry {
  /** The entry as written (between commas), untrimmed. */
  raw: string;
  /** Trimmed. */
  text: string;
  /** Offsets in the NO_PROXY value of the trimmed entry. */
  start: number;
  end: number;
  kind: NoProxyKind;
  /** What the entry matches, in words (markdown). */
  meaning: string;
  /** For kind 'nothing': why. */
  reason?: string;
}

/** Go's net.SplitHostPort, enough to tell what httpproxy does with an entry. */
function splitHostPort(s: string): { host: string; port: string } | undefined {
  if (s.startsWith('[')) {
    const close = s.indexOf(']');
    if (close < 0 || s[close + 1] !== ':') return undefined;
    const port = s.slice(close + 2);
    if (port.includes(':')) return undefined;
    return { host: s.slice(0, close + 1), port };
  }
  const colon = s.lastIndexOf(':');
  if (colon < 0) return undefined;
  const host = s.slice(0, colon);
  if (host.includes(':')) return undefined;
  if (host.includes('[') || host.includes(']')) return undefined;
  return { host, port: s.slice(colon + 1) };
}

function portNote(port: string): string {
  if (port === '') return '';
  return port === '443' ? l10n.t(', only on port {0}', port) : l10n.t(', only on port {0} (registries use 443 for HTTPS)', port);
}

export function classifyNoProxyEntry(text: string): Pick<NoProxyEntry, 'kind' | 'meaning' | 'reason'> {
  const p = text.toLowerCase();
  if (p === '*') return { kind: 'all', meaning: l10n.t('every host: the proxy is never used') };
  const cidr = parseCidr(p);
  if (cidr) return { kind: 'cidr', meaning: l10n.t('IP addresses {0} (requests that name a host instead of an IP are not matched)', describeRange(cidr)) };
  let host = p;
  let port = '';
  const hp = splitHostPort(p);
  if (hp) {
    if (hp.host.length === 0) return { kind: 'nothing', meaning: 'nothing', reason: l10n.t('the entry has no host part') };
    host = hp.host.startsWith('[') && hp.host.endsWith(']') ? hp.host.slice(1, -1) : hp.host;
    port = hp.port;
  }
  const ip = parseIp(host);
  if (ip) {
    if (port !== '' && !/^[0-9]+$/.test(port)) return { kind: 'nothing', meaning: 'nothing', reason: l10n.t('"{0}" is not a port number', port) };
    return { kind: 'ip', meaning: l10n.t('the IP address {0}{1}', ip.text, portNote(port)) };
  }
  if (/\s/.test(p)) return { kind: 'nothing', meaning: 'nothing', reason: l10n.t('entries are separated by commas, not spaces') };
  if (p.includes('://')) return { kind: 'nothing', meaning: 'nothing', reason: l10n.t('entries are host names or addresses, without a scheme') };
  if (p.includes('/')) {
    if (parseCidr(host)) return { kind: 'nothing', meaning: 'nothing', reason: l10n.t('a CIDR range cannot have a port') };
    return { kind: 'nothing', meaning: 'nothing', reason: l10n.t('entries are host names, IP addresses or CIDR ranges, without a path') };
  }
  if (port !== '' && !/^[0-9]+$/.test(port)) return { kind: 'nothing', meaning: 'nothing', reason: l10n.t('"{0}" is not a port number', port) };
  let domain = host;
  if (domain.startsWith('*.')) domain = domain.slice(1);
  if (domain.includes('*')) {
    return { kind: 'nothing', meaning: 'nothing', reason: l10n.t('a `*` only works alone or as a leading `*.`; there are no other wildcards') };
  }
  if (domain === '.' || domain.length === 0) return { kind: 'nothing', meaning: 'nothing', reason: l10n.t('the entry has no host part') };
  if (/^[0-9.]+$/.test(domain.replace(/^\./, '')) && !domain.startsWith('.')) {
    return { kind: 'nothing', meaning: 'nothing', reason: l10n.t('this is not a valid IP address') };
  }
  if (domain.startsWith('.')) return { kind: 'domain', meaning: l10n.t('subdomains of `{0}` (not `{1}` itself){2}', domain.slice(1), domain.slice(1), portNote(port)) };
  return { kind: 'domain', meaning: l10n.t('`{0}` and all its subdomains{1}', domain, portNote(port)) };
}

/** Splits a NO_PROXY value (after systemd's `%%` → `%`) into classified entries. */
export function parseNoProxy(value: string): NoProxyEntry[] {
  const entries: NoProxyEntry[] = [];
  let start = 0;
  for (const raw of value.split(',')) {
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text.length > 0) {
      entries.push({ raw, text, start: start + lead, end: start + lead + text.length, ...classifyNoProxyEntry(text) });
    }
    start += raw.length + 1;
  }
  return entries;
}
