import { flagConflictsOf } from '../../host/flagConflictsOf';
import { displayName, hostOf, lineNumber } from '../../host/hostModel';
import { packagedCommand, PACKAGED_UNIT } from '../../host/dockerdFlags';
import type { DaemonJsonProblem, DaemonJsonRule } from '../model';
import { problemAt } from '../problemAt';
import { target } from '../target';

const REFUSES = 'dockerd refuses to start ("the following directives are specified both as a flag and in the configuration file")';
const REPLACE = 'replace the command in a drop-in: "[Service]", an empty "ExecStart=", then "ExecStart=/usr/bin/dockerd" with the flags you keep, and run "systemctl daemon-reload"';

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
          `If systemd starts this dockerd with the packaged docker.service (assumed: ${PACKAGED_UNIT.name}; ${PACKAGED_UNIT.alsoSays}), its command line already gives "${c.key}" (${c.flag.written}${c.flag.value !== undefined && !c.flag.written.includes('=') ? ` ${c.flag.value}` : ''}) and ${REFUSES}. No docker.service.d drop-in of this host is in the workspace; if one replaces ExecStart= without that flag, or dockerd runs without systemd, this is fine. Otherwise remove "${c.key}" here, or ${REPLACE}.`,
        ),
      );
    }
    return out;
  }
  const exec = host.execStart;
  if (!exec) return out;
  for (const c of flagConflictsOf(host)) {
    const flag = `${c.flag.written}${c.flag.value !== undefined && !c.flag.written.includes('=') ? ` ${c.flag.value}` : ''}`;
    const where =
      exec.source === 'dropin' && exec.file && c.flag.word.span
        ? `the ExecStart= of ${displayName(host, exec.file.uri)}:${lineNumber(exec.file.model.text, c.flag.word.span.start)}`
        : `the packaged docker.service, whose ExecStart= no drop-in of this host replaces (assumed: ${exec.assumed})`;
    const fix = exec.source === 'dropin' ? `Remove "${c.key}" here or the flag there.` : `Remove "${c.key}" here, or ${REPLACE}.`;
    out.push(problemAt(c.keyNode, 'error', 'flag-conflicts-with-config', `"${c.key}" is also given as a flag (${flag}) by ${where}: ${REFUSES}. ${fix}`));
  }
  return out;
};
