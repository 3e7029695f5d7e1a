import { substitute, type Lookup } from '../interpolation';

/**
 * A `.env` file as Compose reads it (compose-go `dotenv/parser.go`): `KEY=VALUE` lines,
 * an optional `export ` prefix, `#` comments (after an unquoted value only when a space
 * precedes them), single quotes literal, double quotes with `\n`-style escapes, and
 * `${VAR}` in unquoted and double-quoted values expanded from the variables above and
 * `outer` (the environment the file is read in). Written here rather than taken from
 * the npm `dotenv` package because that one expands nothing and differs on quotes and
 * comments; what matters is to read what Compose reads.
 *
 * A line that does not parse is skipped: Compose refuses the file, and the user sees
 * that on the `.env` itself; for interpolation we keep what we could read.
 */
export function parseDotEnv(text: string, outer: Lookup = () => undefined): Map<string, string> {
  const vars = new Map<string, string>();
  const lookup: Lookup = (name) => (vars.has(name) ? vars.get(name) : outer(name));
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_.][A-Za-z0-9_.-]*)\s*[=:]\s?(.*)$/.exec(line);
    if (!m) continue;
    const [, key, rest] = m;
    const value = rest.trimStart();
    if (value.startsWith("'")) {
      const end = value.indexOf("'", 1);
      vars.set(key, end < 0 ? value.slice(1) : value.slice(1, end));
    } else if (value.startsWith('"')) {
      const close = /^"((?:[^"\\]|\\.)*)"/.exec(value);
      const inner = close ? close[1] : value.slice(1);
      const unescaped = inner.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
      vars.set(key, substitute(unescaped, lookup) ?? unescaped);
    } else {
      const hash = value.search(/\s#/);
      const bare = (hash < 0 ? value : value.slice(0, hash)).trim();
      vars.set(key, substitute(bare, lookup) ?? bare);
    }
  }
  return vars;
}
