import * as l10n from '@vscode/l10n';
import { sentences } from '../../localized';
import type { Problem, Rule } from '../../languageMode';
import { didYouMean } from '../../suggest';
import { SECTION_NAMES } from '../directiveSchema';
import type { DropinFix, DropinModel } from '../model';

/**
 * A .service unit reads [Unit], [Service] and [Install]; anything else is "Unknown
 * section 'X'. Ignoring." with all its assignments (systemd 252; names are
 * case-sensitive, so `[service]` is unknown). Sections starting with `X-` are
 * reserved for extensions and silently ignored (systemd.unit(5)).
 */
export const unknownSection: Rule<DropinModel, DropinFix> = (model) =>
  model.headers
    .filter((h) => !(SECTION_NAMES as readonly string[]).includes(h.name) && !h.name.startsWith('X-'))
    .map((h): Problem<DropinFix> => {
      const suggestion = didYouMean(h.name.trim(), SECTION_NAMES);
      const hint = suggestion ? l10n.t('Did you mean [{0}]?', suggestion) : l10n.t('A docker.service drop-in may use [Unit], [Service] and [Install].');
      const span = h.nameSpan.end > h.nameSpan.start ? h.nameSpan : h.span;
      return {
        range: [span.start, span.end],
        severity: 'error',
        code: 'unknown-section',
        message: sentences(l10n.t('systemd ignores the unknown section [{0}] and everything in it (section names are case-sensitive).', h.name), hint),
        fixes: suggestion ? [{ kind: 'rename-section', title: l10n.t('Change to [{0}]', suggestion), preferred: true, name: h.name, occurrence: h.occurrence, to: suggestion }] : undefined,
      };
    });
