import schema from '../../../schemas/systemd-directives.json';
import type { Span } from './parseDropin';

/**
 * `%` specifiers as systemd 252's `specifier_printf()` (src/shared/specifier.c)
 * resolves them: `%%` is a percent sign; `%` followed by a letter or digit must be a
 * known specifier, otherwise the assignment fails with "Failed to resolve specifiers
 * … Invalid slot"; `%` followed by anything else, or at the end, stays as written
 * (`100%` is accepted as is; verified with systemd-analyze verify 252). The known
 * letters are data in schemas/systemd-directives.json (`specifiers`).
 */

export const SPECIFIERS: Readonly<Record<string, string>> = schema.specifiers;

export interface SpecifierUse {
  letter: string;
  /** `%X` as written. */
  span: Span;
  known: boolean;
}

export interface Resolved {
  /** Text after `%%` → `%`; known specifiers are kept as `%X` (their value is not known here). */
  text: string;
  offsets: number[];
  uses: SpecifierUse[];
}

export function resolveSpecifiers(text: string, offsets: readonly number[]): Resolved {
  let out = '';
  const outOffsets: number[] = [];
  const uses: SpecifierUse[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '%' && i + 1 < text.length) {
      const n = text[i + 1];
      const span = { start: offsets[i], end: offsets[i + 1] + 1 };
      if (n === '%') {
        out += '%';
        outOffsets.push(offsets[i]);
        i++;
        continue;
      }
      if (/[A-Za-z0-9]/.test(n)) {
        uses.push({ letter: n, span, known: Object.prototype.hasOwnProperty.call(SPECIFIERS, n) });
        out += c + n;
        outOffsets.push(offsets[i], offsets[i + 1]);
        i++;
        continue;
      }
    }
    out += c;
    outOffsets.push(offsets[i]);
  }
  outOffsets.push(offsets[text.length]);
  return { text: out, offsets: outOffsets, uses };
}
