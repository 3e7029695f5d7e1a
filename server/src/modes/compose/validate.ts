import type { ModeContext, Problem } from '../languageMode';
import type { ComposeContext, ComposeFix, ComposeModel } from './model';
import type { ComposeProject } from './project/composeProject';
import { otherProjects, projectOf } from './project/projectOf';
import { RULES } from './rules/index';

/**
 * Runs every rule of rules/index.ts over the parse. A mapping merged into several
 * services (YAML anchors) makes a rule report one place once per service, each time
 * naming that service: it is one place in the text, so it is reported once, with the
 * first service's wording.
 */
export function validate(model: ComposeModel, modeCtx: ModeContext): Problem<ComposeFix>[] {
  const ctx = composeContext(model, modeCtx);
  const problems: Problem<ComposeFix>[] = [];
  // One push per problem, not push(...all): a 1 MB `networks: [n1, …]` line gives about
  // 10⁵ problems, more arguments than a call takes (#15 item 3).
  const seen = new Set<string>();
  for (const rule of RULES) {
    for (const p of rule(model, ctx)) {
      const key = `${p.range[0]}:${p.range[1]}:${p.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(p);
    }
  }
  return problems;
}

/** The mode context with the project the file is loaded with (#16). */
export function composeContext(model: ComposeModel, ctx: ModeContext): ComposeContext {
  const project = projectOf(model, ctx);
  const file = project.files.find((f) => f.model === model) ?? { uri: model.uri, model, via: 'listed' as const, lookup: project.lookup, workingDir: project.dir };
  let others: readonly ComposeProject[] | undefined;
  return { ...ctx, project, file, otherProjects: () => (others ??= otherProjects(project, ctx)) };
}
