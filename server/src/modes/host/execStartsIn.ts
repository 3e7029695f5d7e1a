import type { DropinModel, EffectiveAssignment } from '../systemdDropin/model';
import { execCommandProblem } from '../systemdDropin/execCommandLine';
import type { DockerdCommand } from './dockerdFlags';
import { commandOf, type HostModel } from './hostModel';

/**
 * The dockerd commands of the ExecStart= lines of one drop-in that systemd keeps (an
 * empty one only clears the list; a line systemd drops is reported by
 * rules/execCommand.ts), with the variables of the host's drop-ins expanded.
 */
export function execStartsIn(model: DropinModel, host: HostModel): { assignment: EffectiveAssignment; command: DockerdCommand }[] {
  const out: { assignment: EffectiveAssignment; command: DockerdCommand }[] = [];
  for (const a of model.effective) {
    if (a.section.name !== 'Service' || a.key !== 'ExecStart' || a.value.text.length === 0 || execCommandProblem(a)) continue;
    const command = commandOf(a, host.environment);
    if (command) out.push({ assignment: a, command });
  }
  return out;
}
