import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import { flagConflictsOf } from '../../host/flagConflictsOf';
import { displayName, hostOf, lineNumber } from '../../host/hostModel';
import type { DropinFix, DropinModel } from '../model';

/**
 * A flag of the ExecStart= that this drop-in makes dockerd's command, when the host's
 * daemon.json gives the same setting: dockerd refuses to start ("the following
 * directives are specified both as a flag and in the configuration file", moby
 * daemon/config/config.go `findConfigurationConflicts`). The same conflict is reported
 * on the daemon.json key (daemonJson/rules/flagConflicts.ts, #17).
 */
export const flagConflicts: Rule<DropinModel, DropinFix> = (model, ctx) => {
  if (!model.effective.some((a) => a.key === 'ExecStart')) return [];
  const host = hostOf({ uri: model.uri, model }, 'systemdDropin', ctx);
  const exec = host.execStart;
  const dj = host.daemonJson;
  if (!exec || exec.file?.uri !== model.uri || !dj) return [];
  const out: Problem<DropinFix>[] = [];
  for (const c of flagConflictsOf(host)) {
    const span = c.flag.word.span;
    if (!span) continue;
    out.push({
      range: [span.start, span.end],
      severity: 'error',
      code: 'flag-conflicts-with-config',
      message: l10n.t(
        '{0} sets "{1}", which {2} sets too: dockerd refuses to start ("the following directives are specified both as a flag and in the configuration file"). Remove the flag here or the key there.',
        c.flag.written.replace(/=.*/, ''),
        c.key,
        `${displayName(host, dj.uri)}:${lineNumber(dj.model.text, c.keyNode.offset)}`,
      ),
    });
  }
  return out;
};
