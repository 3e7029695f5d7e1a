import type { Problem } from '../../languageMode';
import type { ComposeFix, ComposeRule } from '../model';

/**
 * What loading the project found wrong in this file (project/composeProject.ts, after
 * compose-go `loader/extends.go` and `loader/include.go`): an `extends` naming a
 * service its file does not define ("cannot extend service %q in %s: service %q not
 * found"), a cycle of `extends`, a file to extend or include that does not exist (an
 * error: "no such file or directory"), and one that cannot be read (a warning: a file
 * outside the workspace, or too large, is not missing).
 */
export const extendsAndInclude: ComposeRule = (model, ctx) => {
  const out: Problem<ComposeFix>[] = [];
  for (const p of ctx.project.problems) {
    if (p.uri !== model.uri) continue;
    out.push({ range: p.range, severity: p.severity, code: p.code, message: p.message });
  }
  return out;
};
