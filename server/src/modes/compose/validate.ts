import type { ModeContext, Problem } from '../languageMode';
import type { ComposeFix, ComposeModel } from './model';
import { RULES } from './rules/index';

/**
 * Runs every rule of rules/index.ts over the parse. A mapping merged into several
 * services (YAML anchors) makes a rule report one place more than once; the server's
 * one conversion (server/src/diagnostics.ts) reports each range and code once.
 */
export function validateCompose(model: ComposeModel, ctx: ModeContext): Problem<ComposeFix>[] {
  const problems: Problem<ComposeFix>[] = [];
  // One push per problem, not push(...all): a 1 MB `networks: [n1, …]` line gives about
  // 10⁵ problems, more arguments than a call takes (#15 item 3).
  for (const rule of RULES) for (const p of rule(model, ctx)) problems.push(p);
  return problems;
}
