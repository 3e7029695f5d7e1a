import type { FixDescriptor, ModeContext, Problem, Rule } from './languageMode';

/** Every rule of `rules` over one model, in order, their problems in one list. */
export function runRules<M, F extends FixDescriptor>(rules: readonly Rule<M, F>[], model: M, ctx: ModeContext): Problem<F>[] {
  const out: Problem<F>[] = [];
  // One push per problem: spreading a rule's (possibly huge) result into push() can overflow the stack (#15).
  for (const rule of rules) for (const p of rule(model, ctx)) out.push(p);
  return out;
}
