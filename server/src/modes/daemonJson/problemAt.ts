import type { Node } from 'jsonc-parser';
import type { Problem, Severity } from '../languageMode';
import type { DaemonJsonFix } from './model';

/**
 * A daemon.json problem over a node (or any offset span) of the parse. A fix is the
 * preferred one ("Fix" / auto-fix) when it is the only one offered.
 */
export function problemAt(at: Node | { offset: number; length: number }, severity: Severity, code: string, message: string, fixes?: DaemonJsonFix[]): Problem<DaemonJsonFix> {
  const p: Problem<DaemonJsonFix> = { range: [at.offset, at.offset + at.length], severity, code, message };
  if (fixes && fixes.length > 0) p.fixes = fixes.length === 1 ? [{ ...fixes[0], preferred: true }] : fixes;
  return p;
}
