/**
 * The position (loc, see loc.ts) of every character of a text taken from a drop-in,
 * stored as runs instead of one number per character: within a run, character i+1
 * sits one loc after character i. A plain line is a single run; continuation
 * lines, removed quotes, escapes and `%%` start new runs. (One array entry per
 * character made the parse allocate about fifty times the size of the file; see
 * issue 8.)
 *
 * Indices 0…length-1 are valid (`length` is the text length plus one: the entry
 * one past the last character). Like an array, `get` returns undefined outside that.
 */
export class OffsetMap {
  /**
   * @param first loc of index 0
   * @param length number of valid indices
   * @param runs flat pairs [textIndex, documentOffset, …], text indices ascending, the
   *   first [0, first]; left out when the whole text is one run (the usual case)
   */
  constructor(
    private readonly first: number,
    readonly length: number,
    private readonly runs?: readonly number[],
  ) {}

  /** A map of `length` offsets counting up from `start`. */
  static contiguous(start: number, length: number): OffsetMap {
    return new OffsetMap(start, length);
  }

  /** True when the whole text is one run (character i at `get(0) + i`). */
  get contiguous(): boolean {
    return this.runs === undefined;
  }

  /** Offset of index `i`, or undefined outside 0…length-1 (as `array[i]`). */
  get(i: number): number | undefined {
    if (!(i >= 0 && i < this.length) || !Number.isInteger(i)) return undefined;
    const r = this.runs;
    if (r === undefined) return this.first + i;
    // The last run starting at or before i; runs are few, usually one.
    let lo = 0;
    let hi = r.length / 2 - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (r[2 * mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return r[2 * lo + 1] + (i - r[2 * lo]);
  }

  /** Like `Array.prototype.slice(a, b)` for 0 ≤ a (b clamped to the length). */
  slice(a: number, b: number = this.length): OffsetMap {
    const end = Math.min(b, this.length);
    if (a >= end) return new OffsetMap(0, 0);
    const r = this.runs;
    if (r === undefined) return new OffsetMap(this.first + a, end - a);
    // The runs clipped to [a, end): runs never merge by clipping, so no builder is needed.
    const out: number[] = [];
    for (let k = 0; k < r.length; k += 2) {
      const runStart = r[k];
      const runEnd = k + 2 < r.length ? r[k + 2] : this.length;
      const s = Math.max(a, runStart);
      if (s < Math.min(end, runEnd)) out.push(s - a, r[k + 1] + (s - runStart));
    }
    return out.length === 2 ? new OffsetMap(out[1], end - a) : new OffsetMap(out[1], end - a, out);
  }

  /** Calls `f(textIndex, documentOffset, count)` for each run clipped to [a, b). */
  forEachRun(a: number, b: number, f: (index: number, offset: number, count: number) => void): void {
    const r = this.runs;
    if (r === undefined) {
      const s = Math.max(a, 0);
      const e = Math.min(b, this.length);
      if (s < e) f(s, this.first + s, e - s);
      return;
    }
    for (let k = 0; k < r.length; k += 2) {
      const runStart = r[k];
      const runEnd = k + 2 < r.length ? r[k + 2] : this.length;
      const s = Math.max(a, runStart);
      const e = Math.min(b, runEnd);
      if (s < e) f(s, r[k + 1] + (s - runStart), e - s);
    }
  }

  /** Every offset, as an array (for tests and debugging). */
  toArray(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.get(i)!);
    return out;
  }
}

/** Collects offsets one by one or by ranges, merging neighbours into runs. */
export class OffsetMapBuilder {
  private readonly runs: number[] = [];
  private n = 0;

  get length(): number {
    return this.n;
  }

  /** Appends `count` offsets counting up from `offset`. */
  pushRange(offset: number, count: number): void {
    if (count <= 0) return;
    const r = this.runs;
    const k = r.length;
    if (k === 0 || r[k - 1] + (this.n - r[k - 2]) !== offset) r.push(this.n, offset);
    this.n += count;
  }

  push(offset: number): void {
    this.pushRange(offset, 1);
  }

  /** Appends the offsets of indices [a, b) of `map`. */
  append(map: OffsetMap, a: number, b: number): void {
    map.forEachRun(a, b, (_i, offset, count) => this.pushRange(offset, count));
  }

  build(): OffsetMap {
    const r = this.runs;
    if (r.length <= 2) return new OffsetMap(r.length > 0 ? r[1] : 0, this.n);
    // An exact-size copy: a grown array keeps spare capacity.
    return new OffsetMap(r[1], this.n, r.slice());
  }
}
