import type { Problem, Rule } from '../../languageMode';
import { didYouMean } from '../../suggest';
import { KNOWN_DIRECTIVES, REMOVED_DIRECTIVES } from '../directiveSchema';
import { assignmentRef, type DropinFix, type DropinModel } from '../model';

/**
 * "Unknown key 'X' in section [S], ignoring." (systemd 252). The known names per
 * section are the output of `systemd --dump-configuration-items` (schemas/
 * systemd-directives.json `knownDirectives`); keys are case-sensitive.
 */
export const unknownDirective: Rule<DropinModel, DropinFix> = (model) => {
  const out: Problem<DropinFix>[] = [];
  for (const a of model.effective) {
    const known = KNOWN_DIRECTIVES[a.section.name];
    if (known.has(a.key) || (REMOVED_DIRECTIVES[a.section.name] ?? []).includes(a.key)) continue;
    const suggestion = didYouMean(a.key, known);
    out.push({
      range: [a.keySpan.start, a.keySpan.end],
      severity: 'error',
      code: 'unknown-directive',
      message: `systemd ignores this line: [${a.section.name}] has no directive ${a.key}=.${suggestion ? ` Did you mean ${suggestion}=?` : ''}`,
      fixes: suggestion ? [{ kind: 'rename-directive', title: `Change to ${suggestion}`, preferred: true, at: assignmentRef(a), to: suggestion }] : undefined,
    });
  }
  return out;
};
