import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import { execCommandProblem, execProgram } from '../execCommandLine';
import type { DropinFix, DropinModel } from '../model';

/**
 * `ExecStart=/usr/local/bin/dockerd …` on a host that has no such file: systemd cannot
 * execute it and the start fails with "status=203/EXEC" (an error; `systemd-analyze
 * verify` 252 refuses it too: "Command … is not executable: No such file or directory").
 * Under the `-` prefix systemd logs "Executable … missing, skipping" instead and runs
 * nothing (systemd src/core/exec-invoke.c), and `systemd-analyze verify` is silent: a
 * warning, since dockerd still does not run (#17).
 *
 * Judged only where the disk is the host's: the machine's own drop-ins (/etc, rootless
 * ~/.config) or those the machine setting `localEngineFiles` names; the workspace says
 * so by answering `machinePathExists` (a repository of another host's files gets no
 * answer, and no verdict). Silent, as systemd.service(5) "Command lines" allows, for:
 * - a bare program name: systemd looks it up in a search path fixed when it was built;
 * - a path with a `%` specifier: resolved by systemd when it loads the unit;
 * - a path with `$`: systemd does not expand variables in the program ("the first
 *   argument … may not be a variable"), but a `$` there is more likely a template we
 *   do not see filled in than a file name;
 * - a line systemd drops anyway (rules/execCommand.ts reports it).
 */
export const missingProgram: Rule<DropinModel, DropinFix> = (model, ctx) => {
  const ws = ctx.workspace;
  if (!ws?.machinePathExists) return [];
  const out: Problem<DropinFix>[] = [];
  for (const a of model.effective) {
    if (a.section.name !== 'Service' || a.key !== 'ExecStart' || a.value.text.length === 0 || execCommandProblem(a)) continue;
    const program = execProgram(a.value);
    if (!program) continue;
    const { first, prefix, path, ignoreFailure } = program;
    if (!path.startsWith('/') || /[%$]/.test(path)) continue;
    if (ws.machinePathExists(model.uri, path) !== false) continue;
    // The path's own characters: a quoted word's end would take in the closing quote.
    const end = first.quoted ? first.offsets[first.text.length - 1] + 1 : first.offsets[first.text.length];
    out.push({
      range: [first.offsets[prefix.length], end],
      severity: ignoreFailure ? 'warning' : 'error',
      code: 'exec-program-missing',
      message: ignoreFailure
        ? l10n.t('{0} does not exist on this machine: with the "-" prefix systemd skips the command ("Executable … missing, skipping") and dockerd does not run. Write the path where the program is (dockerd is /usr/bin/dockerd in Docker\'s packages, /usr/sbin/dockerd in Debian\'s docker.io).', path)
        : l10n.t('{0} does not exist on this machine: systemd cannot run it and the service fails with status=203/EXEC. Write the path where the program is (dockerd is /usr/bin/dockerd in Docker\'s packages, /usr/sbin/dockerd in Debian\'s docker.io).', path),
    });
  }
  return out;
};
