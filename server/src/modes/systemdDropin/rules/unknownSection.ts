import { didYouMean } from '../../suggest';
import { SECTION_NAMES } from '../directiveSchema';
import { diagnostic, replaceEdit, type Rule } from './rule';

/**
 * A .service unit reads [Unit], [Service] and [Install]; anything else is "Unknown
 * section 'X'. Ignoring." with all its assignments (systemd 252; names are
 * case-sensitive, so `[service]` is unknown). Sections starting with `X-` are
 * reserved for extensions and silently ignored (systemd.unit(5)).
 */
export const unknownSection: Rule = (ctx) =>
  ctx.model.doc.headers
    .filter((h) => !(SECTION_NAMES as readonly string[]).includes(h.name) && !h.name.startsWith('X-'))
    .map((h) => {
      const suggestion = didYouMean(h.name.trim(), SECTION_NAMES);
      const hint = suggestion ? ` Did you mean [${suggestion}]?` : ' A docker.service drop-in may use [Unit], [Service] and [Install].';
      return diagnostic(h.nameSpan.end > h.nameSpan.start ? h.nameSpan : h.span,
        'unknown-section',
        `systemd ignores the unknown section [${h.name}] and everything in it (section names are case-sensitive).${hint}`,
        undefined,
        suggestion ? [{ title: `Change to [${suggestion}]`, edits: [replaceEdit(h.span, `[${suggestion}]`)] }] : undefined,
      );
    });
