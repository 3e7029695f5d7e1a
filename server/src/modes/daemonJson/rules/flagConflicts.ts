import * as l10n from '@vscode/l10n';
import { localized } from '../../localized';
import { flagConflictsOf } from '../../host/flagConflictsOf';
import { displayName, hostOf, lineNumber } from '../../host/hostModel';
import { packagedCommand, PACKAGED_UNIT } from '../../host/dockerdFlags';
import type { DaemonJsonProblem, DaemonJsonRule } from '../model';
import { problemAt } from '../problemAt';
import { target } from '../target';


/**
 * A setting given both in this file and as a flag of the dockerd command its systemd
 * unit runs (#17; moby daemon/config/config.go `findConfigurationConflicts`). The
 * command is the host's (host/hostModel.ts): a drop-in's ExecStart= when one replaces
 * it, else the packaged unit's (schemas/docker-unit.json: `-H fd://
 * --containerd=…`). Without any drop-in of the host in the workspace, nothing says
 * systemd starts this dockerd at all (it may run in a container), so the packaged
 * unit's conflicts are only an information that says what is assumed.
 *
 * Reads the workspace, so the per-document memo reruns it on every validation.
 */
/** `--dns 1.1.1.1` or `--dns=1.1.1.1`: the flag as written, with its value. */
function flagText(flag: { written: string; value?: string }): string {
  return `${flag.written}${flag.value !== undefined && !flag.written.includes('=') ? ` ${flag.value}` : ''}`;
}

export const flagConflicts: DaemonJsonRule = (model, ctx) => {
  if (target(ctx).platform !== 'linux') return [];
  const host = hostOf({ uri: model.uri, model }, 'daemonJson', ctx);
  const out: DaemonJsonProblem[] = [];
  if (!host.unitKnown) {
    const assumed = { ...host, execStart: { source: 'packaged' as const, command: packagedCommand(), assumed: PACKAGED_UNIT.name } };
    for (const c of flagConflictsOf(assumed)) {
      out.push(
        problemAt(
          c.keyNode,
          'information',
          'flag-conflict-assumed',
          l10n.t(
            'If systemd starts this dockerd with the packaged docker.service (assumed: {0}; {1}), its command line already gives "{2}" ({3}) and dockerd refuses to start ("the following directives are specified both as a flag and in the configuration file"). No docker.service.d drop-in of this host is in the workspace; if one replaces ExecStart= without that flag, or dockerd runs without systemd, this is fine. Otherwise remove "{2}" here, or replace the command in a drop-in: "[Service]", an empty "ExecStart=", then "ExecStart=/usr/bin/dockerd" with the flags you keep, and run "systemctl daemon-reload".',
            localized(PACKAGED_UNIT, 'name'),
            localized(PACKAGED_UNIT, 'alsoSays'),
            c.key,
            flagText(c.flag),
          ),
        ),
      );
    }
    return out;
  }
  const exec = host.execStart;
  if (!exec) return out;
  for (const c of flagConflictsOf(host)) {
    const flag = flagText(c.flag);
    const message =
      exec.source === 'dropin' && exec.file && c.flag.word.span
        ? l10n.t(
            '"{0}" is also given as a flag ({1}) by the ExecStart= of {2}: dockerd refuses to start ("the following directives are specified both as a flag and in the configuration file"). Remove "{0}" here or the flag there.',
            c.key,
            flag,
            `${displayName(host, exec.file.uri)}:${lineNumber(exec.file.model.text, c.flag.word.span.start)}`,
          )
        : l10n.t(
            '"{0}" is also given as a flag ({1}) by the packaged docker.service, whose ExecStart= no drop-in of this host replaces (assumed: {2}): dockerd refuses to start ("the following directives are specified both as a flag and in the configuration file"). Remove "{0}" here, or replace the command in a drop-in: "[Service]", an empty "ExecStart=", then "ExecStart=/usr/bin/dockerd" with the flags you keep, and run "systemctl daemon-reload".',
            c.key,
            flag,
            exec.assumed === PACKAGED_UNIT.name ? localized(PACKAGED_UNIT, 'name') : exec.assumed ?? '',
          );
    out.push(problemAt(c.keyNode, 'error', 'flag-conflicts-with-config', message));
  }
  return out;
};
