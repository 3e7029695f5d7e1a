import type { MappedText, Span } from './model';

/**
 * Splits a value into words the way systemd 252's `extract_first_word()` does with
 * EXTRACT_UNQUOTE | EXTRACT_CUNESCAPE (used by `Environment=`, systemd.exec(5)):
 * words are separated by blanks; `'…'` and `"…"` may appear anywhere in a word and
 * are removed (`A"B=1"` is `AB=1`, verified with systemd 252); C escapes are
 * decoded inside and outside quotes (systemd.syntax(7) lists them). An unterminated
 * quote, an unknown escape or a trailing backslash is "Invalid syntax": systemd keeps
 * the words before it and drops the rest of the line.
 */

export interface Word {
  /** The word after quote removal and unescaping. */
  text: string;
  /** Offset of the source of each character of `text`, plus the end. */
  offsets: readonly number[];
  /** The word as written, quotes included. */
  span: Span;
  /** True when any part of the word was quoted. */
  quoted: boolean;
}

export type WordErrorKind = 'unterminated-quote' | 'unknown-escape' | 'trailing-backslash';

export interface WordError {
  kind: WordErrorKind;
  /** The offending quote or escape sequence. */
  span: Span;
  /** From the start of the offending word to the end of the value: what systemd drops. */
  dropped: Span;
  /** The escape sequence as written, for messages. */
  sequence?: string;
}

export interface SplitResult {
  words: Word[];
  error?: WordError;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
  s: ' ',
};

/**
 * Decodes one escape after a backslash (`src[i]` is the character after it).
 * Returns the decoded text and the number of source characters consumed, or
 * undefined for an escape systemd's `cunescape_one()` rejects.
 */
export function decodeEscape(src: string, i: number): { text: string; length: number } | undefined {
  const c = src[i];
  if (c === undefined) return undefined;
  if (c in SIMPLE_ESCAPES) return { text: SIMPLE_ESCAPES[c], length: 1 };
  const hex = (n: number): number | undefined => {
    const digits = src.slice(i + 1, i + 1 + n);
    return digits.length === n && /^[0-9a-fA-F]+$/.test(digits) ? parseInt(digits, 16) : undefined;
  };
  if (c === 'x') {
    const v = hex(2);
    // NUL is refused: an environment value cannot carry it.
    return v === undefined || v === 0 ? undefined : { text: String.fromCharCode(v), length: 3 };
  }
  if (c === 'u' || c === 'U') {
    const n = c === 'u' ? 4 : 8;
    const v = hex(n);
    if (v === undefined || v === 0 || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined;
    return { text: String.fromCodePoint(v), length: n + 1 };
  }
  if (c >= '0' && c <= '7') {
    const digits = src.slice(i, i + 3);
    if (!/^[0-7]{3}$/.test(digits)) return undefined;
    const v = parseInt(digits, 8);
    return v === 0 || v > 255 ? undefined : { text: String.fromCharCode(v), length: 3 };
  }
  return undefined;
}

function isSeparator(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * A word the fast path takes: a run of non-blanks without quotes or backslashes, or
 * one quoted stretch without a backslash inside (`"NAME=a b"`, the usual way to write
 * Environment=). Anything else (escapes, quotes in the middle of a word, an
 * unterminated quote) is left to the full splitter.
 */
const SIMPLE_WORD = /[^ \t\n\r"'\\]+|"[^"\\]*"|'[^'\\]*'/y;

/**
 * The common case, found with a regular expression instead of the character loop of
 * splitQuoted() (that loop was the hottest part of opening a drop-in, #8). Returns
 * undefined as soon as a word needs the full splitter; the result is then the same as
 * splitQuoted()'s (a test compares them on generated values).
 */
function simpleWords(value: MappedText): Word[] | undefined {
  const src = value.text;
  const map = value.offsets;
  const words: Word[] = [];
  let i = 0;
  for (;;) {
    while (i < src.length && isSeparator(src.charCodeAt(i))) i++;
    if (i >= src.length) return words;
    SIMPLE_WORD.lastIndex = i;
    const m = SIMPLE_WORD.exec(src);
    if (m === null) return undefined;
    const b = i + m[0].length;
    // A word of several pieces (A"B=1", "a"b): the full splitter joins them.
    if (b < src.length && !isSeparator(src.charCodeAt(b))) return undefined;
    const start = map[i];
    const end = map[b - 1] + 1;
    const c = src.charCodeAt(i);
    if (c === 34 /* " */ || c === 39 /* ' */) {
      // The characters between the quotes, then the end after the closing quote.
      const offsets = map.slice(i + 1, b - 1);
      offsets.push(end);
      words.push({ text: m[0].slice(1, -1), offsets, span: { start, end }, quoted: true });
    } else {
      const offsets = map.slice(i, b);
      offsets.push(end);
      words.push({ text: m[0], offsets, span: { start, end }, quoted: false });
    }
    i = b;
  }
}

export function splitWords(value: MappedText): SplitResult {
  const words = simpleWords(value);
  return words ? { words } : splitQuoted(value);
}

/** The whole of extract_first_word(): quotes, escapes and their errors. Exported for tests (the fast path must agree with it). */
export function splitQuoted(value: MappedText): SplitResult {
  const src = value.text;
  const map = value.offsets;
  const off = (i: number): number => map[i];
  const words: Word[] = [];
  const endOfValue = src.length > 0 ? off(src.length - 1) + 1 : off(0);
  let i = 0;
  for (;;) {
    while (i < src.length && isSeparator(src.charCodeAt(i))) i++;
    if (i >= src.length) return { words };
    const wordStart = i;
    let text = '';
    const offsets: number[] = [];
    let quote: number | undefined;
    let quoteAt = -1;
    let quoted = false;
    for (;;) {
      if (i >= src.length) {
        if (quote !== undefined) {
          return {
            words,
            error: { kind: 'unterminated-quote', span: { start: off(quoteAt), end: off(quoteAt) + 1 }, dropped: { start: off(wordStart), end: endOfValue } },
          };
        }
        break;
      }
      const c = src.charCodeAt(i);
      if (quote === undefined && isSeparator(c)) break;
      if (c === 92 /* backslash */) {
        if (i + 1 >= src.length) {
          return {
            words,
            error: { kind: 'trailing-backslash', span: { start: off(i), end: off(i) + 1 }, dropped: { start: off(wordStart), end: endOfValue } },
          };
        }
        const esc = decodeEscape(src, i + 1);
        if (!esc) {
          // Show the digits too for \x, \u, \U and octal escapes.
          const n = src[i + 1];
          const width = n === 'x' ? 4 : n === 'u' ? 6 : n === 'U' ? 10 : n >= '0' && n <= '7' ? 4 : 2;
          const seq = src.slice(i, Math.min(src.length, i + width)).split(/[\s"']/)[0];
          return {
            words,
            error: {
              kind: 'unknown-escape',
              span: { start: off(i), end: off(i + seq.length - 1) + 1 },
              dropped: { start: off(wordStart), end: endOfValue },
              sequence: seq,
            },
          };
        }
        // Every UTF-16 unit of the decoded text points at the backslash.
        text += esc.text;
        for (let k = 0; k < esc.text.length; k++) offsets.push(off(i));
        i += 1 + esc.length;
        continue;
      }
      if (quote !== undefined) {
        if (c === quote) {
          quote = undefined;
          i++;
          continue;
        }
      } else if (c === 34 /* " */ || c === 39 /* ' */) {
        quote = c;
        quoteAt = i;
        quoted = true;
        i++;
        continue;
      }
      // A stretch of ordinary characters is copied at once.
      let j = i + 1;
      for (; j < src.length; j++) {
        const d = src.charCodeAt(j);
        if (d === 92 || (quote === undefined ? isSeparator(d) || d === 34 || d === 39 : d === quote)) break;
      }
      text += src.slice(i, j);
      for (let k = i; k < j; k++) offsets.push(map[k]);
      i = j;
    }
    offsets.push(off(i - 1) + 1);
    words.push({ text, offsets, span: { start: off(wordStart), end: off(i - 1) + 1 }, quoted });
  }
}
