import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import { execStartsIn } from '../../host/execStartsIn';
import { hostOf } from '../../host/hostModel';
import type { DropinFix, DropinModel } from '../model';

/**
 * `ExecStart=/usr/bin/docker daemon …`: the `daemon` subcommand of the docker client was
 * deprecated in 1.13 and removed in 17.12 (docker/cli docs/deprecated.md, "docker daemon
 * subcommand"); the daemon is the `dockerd` binary. The client now answers "unknown
 * command" and exits, so the service fails to start (#17: seen on public drop-ins).
 */
export const dockerDaemonCommand: Rule<DropinModel, DropinFix> = (model, ctx) => {
  if (!model.effective.some((a) => a.key === 'ExecStart')) return [];
  const out: Problem<DropinFix>[] = [];
  for (const { command } of execStartsIn(model, hostOf({ uri: model.uri, model }, 'systemdDropin', ctx))) {
    const sub = command.subcommand;
    if (!sub?.span || !command.program.span) continue;
    out.push({
      range: [command.program.span.start, sub.span.end],
      severity: 'error',
      code: 'docker-daemon-removed',
      message: l10n.t('"docker daemon" was removed in Docker 17.12: the docker client refuses the subcommand and the service fails to start. Run the daemon binary instead, with the same flags: "/usr/bin/dockerd …" (/usr/sbin/dockerd on Debian\'s docker.io).'),
    });
  }
  return out;
};
