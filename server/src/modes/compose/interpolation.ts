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

/**
 * The one scan of Compose's interpolation syntax: `$$` becomes `$`, each expansion is
 * replaced by what `variable` returns for it (its name, undefined for a malformed `${`;
 * its operator; its argument with `$$` unescaped), and the whole is undefined as soon
 * as `variable` returns undefined.
 */
function expand(text: string, variable: (name: string | undefined, op: string | undefined, arg: string) => string | undefined): string | undefined {
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
    const v = variable(m[1] === '{' ? undefined : (m[2] ?? m[1]), m[3], (m[4] ?? '').replace(/\$\$/g, '$'));
    if (v === undefined) return undefined;
    out += v;
  }
  return out + text.slice(last);
}

export function interpolate(text: string): Interpolated {
  if (!text.includes('$')) return { kind: 'literal', text };
  let usedDefault = false;
  // Only a literal default can be known; ${VAR}, $VAR, ${VAR:?err}, ${VAR:+alt} or a malformed `${`: the environment decides.
  const out = expand(text, (name, op, arg) => {
    if (name === undefined || (op !== ':-' && op !== '-')) return undefined;
    usedDefault = true;
    return arg;
  });
  if (out === undefined) return { kind: 'dynamic' };
  return usedDefault ? { kind: 'default', text: out } : { kind: 'literal', text: out };
}

/** A variable's value in the project's environment, or undefined when unset. */
export type Lookup = (name: string) => string | undefined;

/**
 * The text after interpolation with a known environment (compose-go
 * `template/template.go`), or undefined when it depends on a variable we do not know:
 * an unset `${VAR}` / `$VAR` (Compose warns and substitutes "", but the user's shell at
 * `up` may set it), an unset `${VAR:?err}` (Compose refuses; the shell may set it) or a
 * malformed `${`. `:-`, `:+` and `:?` treat an empty value as unset, `-`, `+` and `?` do not.
 */
export function substitute(text: string, lookup: Lookup): string | undefined {
  if (!text.includes('$')) return text;
  return expand(text, (name, op, arg) => {
    if (name === undefined) return undefined;
    const value = lookup(name);
    const unset = value === undefined || (op?.startsWith(':') === true && value === '');
    if (op === ':-' || op === '-') return unset ? arg : value;
    if (op === ':+' || op === '+') return unset ? '' : arg;
    return unset ? undefined : value;
  });
}
