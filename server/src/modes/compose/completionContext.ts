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
  /** The cursor is inside a flow collection (`{ … }` or `[ … ]`): insert single-line text. */
  flow: boolean;
}

const LINE = /^([ \t]*)((?:-[ \t]+)*)([^]*)$/;
const KEY = /^("[^"]*"|'[^']*'|[^\s:#'"][^:#]*?)[ \t]*:(?:[ \t]|$)/;

function unquote(k: string): string {
  return (k.startsWith('"') && k.endsWith('"')) || (k.startsWith("'") && k.endsWith("'")) ? k.slice(1, -1) : k;
}

/**
 * The start of the line whose end (a `\n`, or the cursor) is at `end`. Guarded at 0:
 * `lastIndexOf('\n', -1)` still looks at index 0, so a text that starts with a line
 * break would give 1 for ever and the walk up below never ended (#15 item 1).
 */
function lineStartBefore(text: string, end: number): number {
  return end > 0 ? text.lastIndexOf('\n', end - 1) + 1 : 0;
}

export function completionContext(text: string, offset: number): CompletionContext | undefined {
  const lineStart = lineStartBefore(text, offset);
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
  let flowPath: string[] = [];
  const kv = /^("[^"]*"|'[^']*'|[^\s:#'"][^:#]*?)[ \t]*:([ \t]*)(.*)$/.exec(rest);
  const flowText = /^[[{]/.test(rest) ? rest : kv && /^[[{]/.test(kv[3]) ? kv[3] : undefined;
  if (flowText !== undefined) {
    const f = flowContext(flowText, text, offset, lineEnd);
    if (!f) return undefined;
    ({ mode, key, prefix, replace, needsSpace } = f);
    flowPath = flowText === rest ? f.path : [unquote(kv![1]), ...f.path];
  } else if (kv && !/[\s]/.test(kv[3].trim())) {
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
    const start = lineStartBefore(text, end);
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
  for (const p of flowPath) path.push(p);
  return { path, mode, key, replace, prefix, indent: indent + dashes, needsSpace, flow: flowText !== undefined };
}

const FLOW_WORD_AFTER = /^[^\s:#,[\]{}]*/;

/**
 * The position inside a single-line flow collection (`networks: { front: { ipv4_address: 1`,
 * `networks: [front, ba`), read from the text between its opening bracket and the cursor:
 * the keys of the open maps (and `[]` for open lists) below the key that holds the
 * collection, and what is typed in the innermost one. Quoted scalars are skipped so
 * brackets and commas inside them do not count. Undefined when every bracket is closed
 * before the cursor (the cursor is after the collection, where nothing is completed).
 */
function flowContext(
  flowText: string,
  text: string,
  offset: number,
  lineEnd: number,
): { path: string[]; mode: CompletionContext['mode']; key?: string; prefix: string; replace: [number, number]; needsSpace: boolean } | undefined {
  const frames: { seq: boolean; key?: string; segStart: number }[] = [];
  const path: string[] = [];
  for (let i = 0; i < flowText.length; i++) {
    const ch = flowText[i];
    const top = frames[frames.length - 1];
    if (ch === '"' || ch === "'") {
      const close = flowText.indexOf(ch, i + 1);
      if (close < 0) return undefined;
      i = close;
    } else if (ch === '{' || ch === '[') {
      // A nested collection sits under its parent's pending key, or is an item of a list.
      if (top) path.push(top.seq ? '[]' : top.key ?? '');
      frames.push({ seq: ch === '[', segStart: i + 1 });
    } else if (ch === '}' || ch === ']') {
      frames.pop();
      if (frames.length === 0) return undefined;
      path.pop();
    } else if (ch === ',' && top) {
      top.key = undefined;
      top.segStart = i + 1;
    } else if (ch === ':' && top && !top.seq && top.key === undefined && /^[\s,[\]{}]?$/.test(flowText[i + 1] ?? '')) {
      top.key = unquote(flowText.slice(top.segStart, i).trim());
      top.segStart = i + 1;
    }
  }
  const top = frames[frames.length - 1];
  if (!top) return undefined;
  const seg = flowText.slice(top.segStart);
  const typed = seg.trimStart().replace(/^["']/, '');
  if (/[\s]/.test(typed.trim())) return undefined;
  const wordAfter = FLOW_WORD_AFTER.exec(text.slice(offset, lineEnd))![0];
  const replace: [number, number] = [offset - typed.length, offset + wordAfter.length];
  // Like a block list item, an open list adds `[]` to the path.
  if (top.seq) return { path: [...path, '[]'], mode: 'item', prefix: typed, replace, needsSpace: false };
  if (top.key !== undefined) return { path, mode: 'value', key: top.key, prefix: typed, replace, needsSpace: seg.length === 0 || !/^\s/.test(seg) };
  return { path, mode: 'key', prefix: typed, replace, needsSpace: false };
}
