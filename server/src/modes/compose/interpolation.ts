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

/** A variable's value in the project's environment, or undefined when unset. */
export type Lookup = (name: string) => string | undefined;

/**
 * The text after interpolation with a known environment (compose-go
 * `template/template.go`), or undefined when it depends on a variable we do not know:
 * an unset `${VAR}` / `$VAR` (Compose warns and substitutes "", but the user's shell at
 * `up` may set it), an unset `${VAR:?err}` (Compose refuses; the shell may set it) or a
 * malformed `${`. `:-` / `:+` treat an empty value as unset, `-` / `+` do not.
 */
export function substitute(text: string, lookup: Lookup): string | undefined {
  if (!text.includes('$')) return text;
  let out = '';
  let last = 0;
  EXPANSION.lastIndex = 0;
  for (let m = EXPANSION.exec(text); m; m = EXPANSION.exec(text)) {
    out += text.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[1] === '$') {
      out += '$';
      continue;
    }
    if (m[1] === '{') return undefined;
    const name = m[2] ?? m[1];
    const value = lookup(name);
    const op = m[3];
    const arg = (m[4] ?? '').replace(/\$\$/g, '$');
    const unset = value === undefined || (op?.startsWith(':') === true && value === '');
    if (op === ':-' || op === '-') out += unset ? arg : value;
    else if (op === ':+' || op === '+') out += unset ? '' : arg;
    else if (unset && (op === undefined || op === ':?' || op === '?')) {
      if (value === undefined) return undefined;
      if (op !== undefined) return undefined;
      out += value;
    } else out += value ?? '';
  }
  return out + text.slice(last);
}
