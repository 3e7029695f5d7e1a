/**
 * Compose interpolation, recognised so that `${VAR}` never reads as a type or format
 * error (compose-go `template/template.go`): `$$` is a literal `$`; `$VAR` and
 * `${VAR}` take the environment; `${VAR:-d}` / `${VAR-d}` fall back to `d`;
 * `${VAR:?e}` / `${VAR?e}` fail when unset; `${VAR:+r}` / `${VAR+r}` substitute `r`
 * when set. We cannot know the environment, so only a text whose every expansion has
 * a literal default is checked, with those defaults in place.
 */
export type Interpolated =
  /** No expansion at all (`$$` already unescaped). */
  | { kind: 'literal'; text: string }
  /** Every expansion had a default; `text` is the value when the variables are unset. */
  | { kind: 'default'; text: string }
  /** Depends on the environment: do not check. */
  | { kind: 'dynamic' };

const EXPANSION = /\$(\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}$]|\$\$)*))?\}|[A-Za-z_][A-Za-z0-9_]*|\{)/g;

export function hasInterpolation(text: string): boolean {
  return text.includes('$');
}

export function interpolate(text: string): Interpolated {
  if (!text.includes('$')) return { kind: 'literal', text };
  let out = '';
  let last = 0;
  let usedDefault = false;
  let dynamic = false;
  EXPANSION.lastIndex = 0;
  for (let m = EXPANSION.exec(text); m; m = EXPANSION.exec(text)) {
    out += text.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[1] === '$') {
      out += '$';
      continue;
    }
    const op = m[3];
    if (op === ':-' || op === '-') {
      out += (m[4] ?? '').replace(/\$\$/g, '$');
      usedDefault = true;
    } else {
      // ${VAR}, $VAR, ${VAR:?err}, ${VAR:+alt} or a malformed `${`: the environment decides.
      dynamic = true;
    }
  }
  if (dynamic) return { kind: 'dynamic' };
  out += text.slice(last);
  return usedDefault ? { kind: 'default', text: out } : { kind: 'literal', text: out };
}
