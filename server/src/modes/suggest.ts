/**
 * "Did you mean" for misspelt keys and directives. A tiny Damerau-Levenshtein distance:
 * written by hand because it is a dozen lines and the npm packages for it add more
 * surface (and often ESM-only builds) than the function itself.
 */
export function editDistance(a: string, b: string, atMost = Infinity): number {
  // Row by row, keeping the two rows before (a transposition looks two back) instead of the
  // whole table; once a whole row exceeds `atMost` the distance does too (rows never shrink
  // below their minimum), which is all a caller with a limit needs to know (#21).
  let twoBack: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, twoBack[j - 2] + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > atMost) return rowMin;
    twoBack = prev;
    prev = row;
  }
  return prev[b.length];
}

/**
 * The closest candidate to `word`, or undefined when nothing is close enough.
 * A case-only difference always counts as close ("Debug" → "debug").
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  for (const c of candidates) {
    if (c === word) continue;
    const cLower = c.toLowerCase();
    // Lengths further apart than the limit mean a distance above it: not worth computing
    // (the directives of [Service] are hundreds, #21).
    if (Math.abs(cLower.length - lower.length) > limit) continue;
    const score = cLower === lower ? 0 : editDistance(lower, cLower, Math.min(limit, bestScore));
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best !== undefined && bestScore <= limit ? best : undefined;
}
