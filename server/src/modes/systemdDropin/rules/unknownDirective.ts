import { didYouMean } from '../../suggest';
import { KNOWN_DIRECTIVES, REMOVED_DIRECTIVES } from '../directiveSchema';
import { diagnostic, replaceEdit, type Rule } from './rule';

/**
 * "Unknown key 'X' in section [S], ignoring." (systemd 252). The known names per
 * section are the output of `systemd --dump-configuration-items` (schemas/
 * systemd-directives.json `knownDirectives`); keys are case-sensitive.
 */
export const unknownDirective: Rule = (ctx) => {
  const out = [];
  for (const a of ctx.model.effective) {
    const known = KNOWN_DIRECTIVES[a.section.name];
    if (known.has(a.key) || (REMOVED_DIRECTIVES[a.section.name] ?? []).includes(a.key)) continue;
    const suggestion = didYouMean(a.key, known);
    out.push(
      diagnostic(a.keySpan,
        'unknown-directive',
        `systemd ignores this line: [${a.section.name}] has no directive ${a.key}=.${suggestion ? ` Did you mean ${suggestion}=?` : ''}`,
        undefined,
        suggestion ? [{ title: `Change to ${suggestion}`, edits: [replaceEdit(a.keySpan, suggestion)] }] : undefined,
      ),
    );
  }
  return out;
};
