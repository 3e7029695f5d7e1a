import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import { assignmentRef, type DropinFix, type DropinModel } from '../model';

/**
 * systemd 252: "Assignment outside of section. Ignoring." for every assignment before
 * the first header (each drop-in must carry its own headers, systemd.unit(5)). One
 * error on the first such line, with the fix; the following ones get an information
 * so the Problems panel is not flooded by one missing `[Service]`.
 */
export const assignmentOutsideSection: Rule<DropinModel, DropinFix> = (model) => {
  // Only assignments above the first header have no section.
  const out: Problem<DropinFix>[] = [];
  for (const a of model.assignments) {
    if (a.section !== undefined) break;
    const range = [a.keySpan.start, a.keySpan.end] as const;
    if (out.length === 0) {
      out.push({
        range,
        severity: 'error',
        code: 'assignment-outside-section',
        message: l10n.t('systemd ignores {0}= and every assignment above the first section header. Add a [Service] line at the top of the file.', a.key),
        fixes: [{ kind: 'add-section-header', title: l10n.t('Add the [Service] header'), preferred: true, safe: true, at: assignmentRef(a), header: 'Service' }],
      });
    } else {
      out.push({ range, severity: 'information', code: 'assignment-outside-section', message: l10n.t('systemd ignores {0}= too: it comes before any section header.', a.key) });
    }
  }
  return out;
};
