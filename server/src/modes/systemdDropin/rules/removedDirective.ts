import { REMOVED_DIRECTIVES } from '../directiveSchema';
import { diagnostic, DiagnosticSeverity, type Rule } from './rule';

/** "Support for option X= has been removed and it is ignored" (systemd 252). */
export const removedDirective: Rule = (ctx) =>
  ctx.model.effective
    .filter((a) => (REMOVED_DIRECTIVES[a.section.name] ?? []).includes(a.key))
    .map((a) =>
      diagnostic(a.keySpan, 'removed-directive', `systemd no longer supports ${a.key}= and ignores it; remove the line.`, DiagnosticSeverity.Warning),
    );
