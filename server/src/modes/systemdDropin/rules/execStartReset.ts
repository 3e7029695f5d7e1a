import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import { execCommandProblem } from '../execCommandLine';
import { assignmentRef, type DropinFix, type DropinModel, type EffectiveAssignment } from '../model';

/**
 * systemd.service(5): unless Type=oneshot a service has exactly one ExecStart=.
 * docker.service already has one, so a drop-in that sets another without first
 * clearing the list with an empty `ExecStart=` makes systemd refuse the unit:
 * "Service has more than one ExecStart= setting, which is only allowed for
 * Type=oneshot services. Refusing." And a reset that is not followed by a new command
 * leaves none: "Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing."
 * (both verified with systemd-analyze verify 252). This judges the file on top of
 * the stock docker.service; another drop-in of the same unit could change the count.
 * A command systemd drops (rules/execCommand.ts) does not count.
 */
export const execStartReset: Rule<DropinModel, DropinFix> = (model) => {
  // Runs on every keystroke: one pass for the ExecStart= lines and the last Type=.
  const execStarts: EffectiveAssignment[] = [];
  let type: string | undefined;
  for (const a of model.effective) {
    if (a.section.name !== 'Service') continue;
    if (a.key === 'ExecStart') execStarts.push(a);
    else if (a.key === 'Type') type = a.value.text;
  }
  if (type === 'oneshot') return [];
  const out: Problem<DropinFix>[] = [];
  let count = 1; // the stock unit's own ExecStart=
  let lastReset: EffectiveAssignment | undefined;
  for (const a of execStarts) {
    if (a.value.text.length > 0 && execCommandProblem(a)) continue;
    if (a.value.text.length === 0) {
      count = 0;
      lastReset = a;
      continue;
    }
    count++;
    if (count > 1) {
      const reset = lastReset === undefined;
      out.push({
        range: [a.keySpan.start, a.keySpan.end],
        severity: 'error',
        code: 'execstart-not-reset',
        message: reset
          ? l10n.t('systemd refuses to load docker.service: it already has an ExecStart=, and only Type=oneshot services may have more than one. Add an empty "ExecStart=" line before this one to replace the command.')
          : l10n.t('systemd refuses to load docker.service: this is a second ExecStart= command. Keep only one command after the empty "ExecStart=".'),
        fixes: reset
          ? [{ kind: 'insert-execstart-reset', title: l10n.t('Insert an empty ExecStart= line before'), preferred: true, safe: true, at: assignmentRef(a), command: a.value.text }]
          : undefined,
      });
    }
  }
  if (lastReset && count === 0) {
    out.push({
      range: [lastReset.keySpan.start, lastReset.keySpan.end],
      severity: 'error',
      code: 'execstart-missing',
      message:
        l10n.t('systemd refuses to load docker.service: this empty ExecStart= clears the dockerd command and no new one follows. Add "ExecStart=/usr/bin/dockerd …" after it, or remove it.'),
    });
  }
  return out;
};
