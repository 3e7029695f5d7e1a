/**
 * How dockerd reads HTTP_PROXY / HTTPS_PROXY: Go's `net/http.ProxyFromEnvironment`,
 * i.e. golang.org/x/net `http/httpproxy` `parseProxy()` on top of `net/url.Parse`.
 * parseProxy keeps a URL whose scheme is http, https or socks5; anything else (a
 * bare `host:port`, an unparsable value, another scheme) is parsed again with
 * `http://` in front. A value that fails both ways is dropped silently (config.init
 * ignores the error), so dockerd then connects directly.
 *
 * `goUrlParse` follows the checks of Go's `net/url` `parse`/`parseAuthority`/
 * `parseHost` that matter for proxy values; it is not a general URL parser.
 */

export interface GoUrl {
  scheme: string;
  /** userinfo as written (before the last `@` of the authority), if any. */
  userinfo?: string;
  host: string;
  /** Port without the colon ('' when absent). */
  port: string;
  /** Index in the parsed string where the authority starts (after `//`). */
  authorityStart: number;
  opaque: boolean;
}

export type GoUrlResult = { ok: true; url: GoUrl } | { ok: false; error: string };

const HEX = /^[0-9a-fA-F]{2}$/;

function checkEscapes(s: string): string | undefined {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '%' && !HEX.test(s.slice(i + 1, i + 3))) return `invalid URL escape "${s.slice(i, i + 3)}"`;
  }
  return undefined;
}

/** Characters Go's `validUserinfo` accepts (RFC 3986 unreserved, sub-delims, ':', '%', '@'). */
const USERINFO_OK = /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/;
/** ASCII characters Go refuses in a host name (`shouldEscape` in encodeHost mode). */
const HOST_BAD = /[^A-Za-z0-9\-._~!$&'()*+,;=:[\]<>"%\u0080-\uffff]/;

function getScheme(raw: string): { scheme: string; rest: string } | { error: string } {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (/[A-Za-z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return { scheme: '', rest: raw };
      continue;
    }
    if (c === ':') {
      if (i === 0) return { error: 'missing protocol scheme' };
      return { scheme: raw.slice(0, i), rest: raw.slice(i + 1) };
    }
    return { scheme: '', rest: raw };
  }
  return { scheme: '', rest: raw };
}

export function goUrlParse(raw: string): GoUrlResult {
  if (/[\x00-\x1f\x7f]/.test(raw)) return { ok: false, error: 'invalid control character in URL' };
  const hash = raw.indexOf('#');
  const noFrag = hash < 0 ? raw : raw.slice(0, hash);
  if (hash >= 0) {
    const e = checkEscapes(raw.slice(hash + 1));
    if (e) return { ok: false, error: e };
  }
  const s = getScheme(noFrag);
  if ('error' in s) return { ok: false, error: s.error };
  const scheme = s.scheme.toLowerCase();
  let rest = s.rest;
  const q = rest.indexOf('?');
  if (q >= 0) rest = rest.slice(0, q);
  const prefixLength = noFrag.length - s.rest.length;
  if (!rest.startsWith('/')) {
    if (scheme !== '') return { ok: true, url: { scheme, host: '', port: '', authorityStart: prefixLength, opaque: true } };
    const colon = rest.indexOf(':');
    const slash = rest.indexOf('/');
    if (colon >= 0 && (slash < 0 || colon < slash)) return { ok: false, error: 'first path segment in URL cannot contain colon' };
  }
  if (!rest.startsWith('//') || (scheme === '' && rest.startsWith('///'))) {
    const e = checkEscapes(rest);
    if (e) return { ok: false, error: e };
    return { ok: true, url: { scheme, host: '', port: '', authorityStart: prefixLength, opaque: false } };
  }
  const afterSlashes = rest.slice(2);
  const slash = afterSlashes.indexOf('/');
  const authority = slash < 0 ? afterSlashes : afterSlashes.slice(0, slash);
  const authorityStart = prefixLength + 2;
  let userinfo: string | undefined;
  let hostport = authority;
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    userinfo = authority.slice(0, at);
    if (!USERINFO_OK.test(userinfo)) return { ok: false, error: 'net/url: invalid userinfo' };
    const e = checkEscapes(userinfo);
    if (e) return { ok: false, error: e };
    hostport = authority.slice(at + 1);
  }
  let host = hostport;
  let port = '';
  if (hostport.startsWith('[')) {
    const close = hostport.indexOf(']');
    if (close < 0) return { ok: false, error: "missing ']' in host" };
    const colonPort = hostport.slice(close + 1);
    if (!/^(:[0-9]*)?$/.test(colonPort)) return { ok: false, error: `invalid port "${colonPort}" after host` };
    host = hostport.slice(0, close + 1);
    port = colonPort.slice(1);
  } else {
    const colon = hostport.lastIndexOf(':');
    if (colon >= 0) {
      const colonPort = hostport.slice(colon);
      if (!/^:[0-9]*$/.test(colonPort)) return { ok: false, error: `invalid port "${colonPort}" after host` };
      host = hostport.slice(0, colon);
      port = colonPort.slice(1);
    }
  }
  const bad = HOST_BAD.exec(host);
  if (bad) return { ok: false, error: `invalid character "${bad[0]}" in host name` };
  const e = checkEscapes(host) ?? checkEscapes(afterSlashes.slice(authority.length));
  if (e) return { ok: false, error: e };
  return { ok: true, url: { scheme, userinfo, host, port, authorityStart, opaque: false } };
}

export interface ProxyReading {
  /** What Go ends up using, or undefined when the value is dropped. */
  url?: GoUrl;
  /** Go's error when the value is dropped. */
  error?: string;
  /** True when Go used `http://` + value. */
  prefixed: boolean;
  /** The scheme the value was written with, when Go replaced it. */
  ignoredScheme?: string;
  /** Offset in the value where the used URL's authority starts (-1 when prefixed). */
  authorityStart: number;
  /** Go's error for the value as written, when it then fell back to `http://` + value. */
  firstError?: string;
}

const PROXY_SCHEMES = new Set(['http', 'https', 'socks5']);

/** x/net httpproxy `parseProxy`. */
export function readProxy(value: string): ProxyReading {
  const first = goUrlParse(value);
  if (first.ok && PROXY_SCHEMES.has(first.url.scheme)) {
    return { url: first.url, prefixed: false, authorityStart: first.url.authorityStart };
  }
  const second = goUrlParse('http://' + value);
  if (second.ok) {
    const written = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(value);
    return {
      url: second.url,
      prefixed: true,
      ignoredScheme: written && first.ok ? written[1] : undefined,
      authorityStart: -1,
      firstError: first.ok ? undefined : first.error,
    };
  }
  if (!first.ok) return { error: first.error, prefixed: false, authorityStart: -1 };
  return { url: first.url, prefixed: false, ignoredScheme: first.url.scheme, authorityStart: first.url.authorityStart };
}
