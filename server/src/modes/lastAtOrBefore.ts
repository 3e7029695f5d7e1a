/**
 * The index of the last item whose key is at or before `offset`, or -1: a binary search
 * over items sorted by that key (spans in document order, line starts). The look-ups of
 * the modes' models ("the spot, node, line or header under this offset") are all this
 * search plus a check of the item's end.
 */
export function lastAtOrBefore<T>(items: readonly T[], offset: number, keyOf: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keyOf(items[mid]) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
