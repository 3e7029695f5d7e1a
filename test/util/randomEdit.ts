/** How often each kind of edit is made: cumulative thresholds on one draw in [0, 1). */
export interface EditMix {
  /** Below this: indent a line by one space (its content keeps its text but starts further right). */
  indent?: number;
  /** Below this: insert one of the texts. */
  insert: number;
  /** Below this: delete 1–12 characters. Above it: swap two lines (content moves, the line count stays). */
  remove: number;
}

/**
 * One random edit of `text`, for the property tests that compare an incremental parse
 * or validation with one from scratch. Deterministic for a seeded `rand` (test/util/prng.ts).
 */
export function randomEdit(text: string, rand: () => number, inserts: readonly string[], mix: EditMix): string {
  const at = Math.floor(rand() * (text.length + 1));
  const r = rand();
  if (r < (mix.indent ?? 0)) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    return `${text.slice(0, lineStart)} ${text.slice(lineStart)}`;
  }
  if (r < mix.insert) return text.slice(0, at) + inserts[Math.floor(rand() * inserts.length)] + text.slice(at);
  if (r < mix.remove) return text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 12));
  const lines = text.split('\n');
  const i = Math.floor(rand() * lines.length);
  const j = Math.floor(rand() * lines.length);
  [lines[i], lines[j]] = [lines[j], lines[i]];
  return lines.join('\n');
}
