import { SPECIFIERS } from './directiveSchema';
import type { Span } from './model';

/**
 * `%` specifiers as systemd 252's `specifier_printf()` (src/shared/specifier.c)
 * resolves them: `%%` is a percent sign; `%` followed by a letter or digit must be a
 * known specifier, otherwise the assignment fails with "Failed to resolve specifiers
 * … Invalid slot"; `%` followed by anything else, or at the end, stays as written
 * (`100%` is accepted as is; verified with systemd-analyze verify 252). The known
 * letters are data in schemas/systemd-directives.json (`specifiers`, read by directiveSchema.ts).
 */

export interface SpecifierUse {
  letter: string;
  /** `%X` as written. */
  span: Span;
  known: boolean;
}

export interface Resolved {
  /** Text after `%%` → `%`; known specifiers are kept as `%X` (their value is not known here). */
  text: string;
  /** Offset of each character of `text`, plus the end. */
  offsets: readonly number[];
  uses: readonly SpecifierUse[];
}

/** Shared by every text without a `%` (most of them). */
const NO_USES: readonly SpecifierUse[] = Object.freeze([]);

export function resolveSpecifiers(text: string, offsets: readonly number[]): Resolved {
  // Without a `%` nothing changes: share the caller's text and offsets.
  if (text.indexOf('%') < 0) return { text, offsets, uses: NO_USES };
  const uses: SpecifierUse[] = [];
  const off = (i: number): number => offsets[i];
  let out = '';
  const outOffsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '%' && i + 1 < text.length) {
      const n = text[i + 1];
      const span = { start: off(i), end: off(i + 1) + 1 };
      if (n === '%') {
        out += '%';
        outOffsets.push(off(i));
        i++;
        continue;
      }
      if (/[A-Za-z0-9]/.test(n)) {
        uses.push({ letter: n, span, known: Object.prototype.hasOwnProperty.call(SPECIFIERS, n) });
        out += c + n;
        outOffsets.push(off(i));
        outOffsets.push(off(i + 1));
        i++;
        continue;
      }
    }
    out += c;
    outOffsets.push(off(i));
  }
  outOffsets.push(off(text.length));
  return { text: out, offsets: outOffsets, uses };
}
