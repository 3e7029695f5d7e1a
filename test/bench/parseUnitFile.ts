/**
 * The benchmark's floor for a systemd drop-in: the bare parse of unit-file syntax.
 *
 * YAML and JSON have parser libraries (`yaml`, jsonc-parser) whose parse is the floor
 * of the other inputs. No npm library parses systemd unit files with positions, so
 * the floor here is this small, independent parser of systemd.syntax(7): what every
 * server for the format has to do before any checking, and no more.
 *
 * - comment lines (`#`, `;`) are skipped, `[Section]` headers start a section;
 * - a trailing backslash joins the next line (the backslash becomes a space);
 * - `Key=Value` is split at the first `=` and both sides stripped, keeping the
 *   document offset of the key and of the value;
 * - `Environment=` values are split into words as systemd's extract_first_word()
 *   does: blanks separate words, quotes are removed, `\` escapes are decoded (the
 *   lexical level only: unknown escapes are kept, nothing is reported).
 *
 * It shares no code with the server's drop-in parser on purpose: a floor measured
 * with our own code would move with it. It is timed, never used to judge a file.
 */

export interface UnitFileEntry {
  section: string;
  key: string;
  keyOffset: number;
  value: string;
  valueOffset: number;
  /** The words of an Environment= value. */
  words?: string[];
}

export interface UnitFile {
  entries: UnitFileEntry[];
  /** Offsets of the lines that are neither blank, comments, headers nor assignments. */
  invalidLines: number[];
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', s: ' ', '\\': '\\', '"': '"', "'": "'" };

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

/** Words of an Environment= value: blanks separate, quotes are removed, escapes decoded. */
function splitEnvironmentWords(value: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && isBlank(value[i])) i++;
    if (i >= value.length) break;
    let word = '';
    let quote = '';
    for (; i < value.length; i++) {
      const c = value[i];
      if (!quote && isBlank(c)) break;
      if (c === '\\' && i + 1 < value.length) {
        word += ESCAPES[value[i + 1]] ?? value[i + 1];
        i++;
      } else if (quote ? c === quote : c === '"' || c === "'") {
        quote = quote ? '' : c;
      } else {
        word += c;
      }
    }
    words.push(word);
  }
  return words;
}

export function parseUnitFile(text: string): UnitFile {
  const out: UnitFile = { entries: [], invalidLines: [] };
  let section = '';
  let joined = '';
  let joinedStart = -1;
  let pos = 0;
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end);
    const lineStart = pos;
    pos = end + 1;
    const trimmed = line.trim();
    if (joinedStart < 0 && (trimmed === '' || trimmed[0] === '#' || trimmed[0] === ';')) continue;
    if (joinedStart >= 0 && (trimmed[0] === '#' || trimmed[0] === ';')) continue;
    if (joinedStart < 0) joinedStart = lineStart;
    if (line.endsWith('\\') && !line.endsWith('\\\\')) {
      joined += line.slice(0, -1) + ' ';
      if (pos <= text.length) continue;
    } else {
      joined += line;
    }
    const logical = joined;
    const start = joinedStart;
    joined = '';
    joinedStart = -1;
    const s = logical.trim();
    if (s === '') continue;
    if (s[0] === '[') {
      if (s.endsWith(']')) section = s.slice(1, -1);
      else out.invalidLines.push(start);
      continue;
    }
    const eq = logical.indexOf('=');
    if (eq < 0) {
      out.invalidLines.push(start);
      continue;
    }
    const rawKey = logical.slice(0, eq);
    const key = rawKey.trim();
    const rawValue = logical.slice(eq + 1);
    const value = rawValue.trim();
    const entry: UnitFileEntry = {
      section,
      key,
      keyOffset: start + rawKey.length - rawKey.trimStart().length,
      value,
      valueOffset: start + eq + 1 + rawValue.length - rawValue.trimStart().length,
    };
    if (key === 'Environment') entry.words = splitEnvironmentWords(value);
    out.entries.push(entry);
  }
  return out;
}
