import type { ModeContext } from '../languageMode';
import type { DaemonJsonModel, DaemonJsonProblem } from './model';
import { RULES } from './rules';

/**
 * Every rule of rules/index.ts over one parse, in order. Nothing is kept between calls:
 * whether rule results are worth caching per document is the server's business (#14).
 */
export function validate(model: DaemonJsonModel, ctx: ModeContext): DaemonJsonProblem[] {
  const out: DaemonJsonProblem[] = [];
  // One push per problem: spreading a rule's (possibly huge) result into push() can overflow the stack (#15).
  for (const rule of RULES) for (const p of rule(model, ctx)) out.push(p);
  return out;
}
