/**
 * Where the cursor is in a block-style YAML file, read from the text (the AST has no
 * node at an empty line, where completion is wanted most): the chain of parent keys,
 * found by walking up to lines of smaller indentation, and whether a key, a value or
 * a list item is being typed. Cost: the lines above the cursor up to the top-level
 * key, with no allocation beyond them.
 */
export interface CompletionContext {
  /** Parent keys from the root; `[]` marks a list item. */
  path: string[];
  /** key: typing a mapping key; item: after `- `; value: after `key:`. */
  mode: 'key' | 'item' | 'value';
  /** For value mode: the key whose value is typed. */
  key?: string;
  /** The offsets of the partial word to replace. */
  replace: [number, number];
  /** The word typed so far. */
  prefix: string;
  /** Column of the key being typed (or of the key whose value is typed). */
  indent: number;
  /** Value mode with the cursor right after the colon: insert a space first. */
  needsSpace: boolean;
}

const LINE = /^([ \t]*)((?:-[ \t]+)*)([^]*)$/;
const KEY = /^("[^"]*"|'[^']*'|[^\s:#'"][^:#]*?)[ \t]*:(?:[ \t]|$)/;

function unquote(k: string): string {
  return (k.startsWith('"') && k.endsWith('"')) || (k.startsWith("'") && k.endsWith("'")) ? k.slice(1, -1) : k;
}

export function completionContext(text: string, offset: number): CompletionContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(lineStart, offset);
  const m = LINE.exec(before)!;
  const indent = m[1].length;
  const dashes = m[2].length;
  const rest = m[3];
  if (rest.startsWith('#')) return undefined;
  const wordAfter = /^[^\s:#]*/.exec(text.slice(offset, lineEnd))![0];
  let mode: CompletionContext['mode'];
  let key: string | undefined;
  let replace: [number, number];
  let prefix: string;
  let needsSpace = false;
  const kv = /^("[^"]*"|'[^']*'|[^\s:#'"][^:#]*?)[ \t]*:([ \t]*)(.*)$/.exec(rest);
  if (kv && (!/[\s]/.test(kv[3].trim()) || kv[3].startsWith('['))) {
    mode = 'value';
    key = unquote(kv[1]);
    prefix = kv[3].replace(/^["']/, '');
    needsSpace = kv[2].length === 0;
    const valueStart = offset - kv[3].length;
    // Replace the value typed so far and its continuation up to the end of the word.
    replace = [valueStart, offset + wordAfter.length];
  } else if (/^[\w.$-]*$/.test(rest)) {
    mode = dashes > 0 ? 'item' : 'key';
    prefix = rest;
    replace = [offset - rest.length, offset + wordAfter.length];
  } else return undefined;

  const parents: string[] = [];
  let threshold = dashes > 0 ? indent : indent + dashes;
  let end = lineStart - 1;
  while (threshold > 0 && end >= 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    // Cheap pre-check without slicing: most lines above are deeper than what we look for.
    // A line indented at least `threshold` is skipped below whatever follows its
    // indentation (list dashes included: they only count when the line itself is
    // shallower), so it is skipped here without slicing or regexes.
    let i = start;
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    if (i - start >= threshold && i < end) {
      end = start - 1;
      continue;
    }
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (/^(---|\.\.\.)\s*$/.test(line)) break;
    const lm = LINE.exec(line)!;
    const ind = lm[1].length;
    const dl = lm[2].length;
    if (ind >= threshold) continue;
    if (dl > 0 && ind + dl >= threshold) {
      parents.push('[]');
      threshold = ind;
      continue;
    }
    const km = KEY.exec(lm[3]);
    if (!km) return undefined;
    parents.push(unquote(km[1]));
    if (dl > 0) parents.push('[]');
    threshold = ind;
  }
  if (threshold > 0) return undefined;
  const path = parents.reverse();
  if (dashes > 0) path.push('[]');
  return { path, mode, key, replace, prefix, indent: indent + dashes, needsSpace };
}
