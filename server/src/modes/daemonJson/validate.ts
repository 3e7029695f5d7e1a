import type { ModeContext, ValidationMemo } from '../languageMode';
import type { DaemonJsonModel, DaemonJsonProblem } from './model';
import { RuleResultCache } from './ruleResultCache';
import { RULES } from './rules';

/**
 * Every rule of rules/index.ts over one parse, in order. With the server's memo for the
 * document, a rule whose inputs did not change since the last validation is not run again
 * (ruleResultCache.ts); the problems are the same either way.
 */
export function validate(model: DaemonJsonModel, ctx: ModeContext, memo?: ValidationMemo): DaemonJsonProblem[] {
  let cache: RuleResultCache | undefined;
  if (memo) cache = memo.state instanceof RuleResultCache ? memo.state : (memo.state = new RuleResultCache());
  const out: DaemonJsonProblem[] = [];
  // One push per problem: spreading a rule's (possibly huge) result into push() can overflow the stack (#15).
  for (const rule of RULES) for (const p of cache ? cache.run(rule, model, ctx) : rule(model, ctx)) out.push(p);
  return out;
}
