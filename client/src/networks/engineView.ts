import type { FleetMember } from '../engine/engineFleet';
import type { NetworkRecord } from './networkRecords';
import type { EngineView } from './networkTreeModel';

/** A member of the Engine fleet as the tree model sees it (#22); no vscode, so tests use it too. */
export function engineViewOf(m: FleetMember<NetworkRecord[]>, targetId: string | undefined): EngineView {
  const s = m.session;
  return {
    id: m.entry.id,
    name: m.entry.name,
    source: m.entry.source,
    host: m.entry.resolution.ok ? m.entry.resolution.endpoint.host : undefined,
    current: m.entry.current,
    target: m.entry.id === targetId,
    started: m.started,
    state: s.state,
    networks: s.snapshot,
  };
}
