import type { EngineSession } from './engineSession';
import type { EngineEntry } from './engineSources';

/**
 * The sessions of several Engines side by side (#22): one `EngineSession` per listed
 * Engine, each with its own connection, state, error and retry, so an Engine that hangs
 * or goes away never holds up the others. A session is created with the list but started
 * only when asked (`start`: the view expands its root, a command picks it, or it is the
 * target of the diagnostics), so collapsed Engines are not contacted. No vscode import:
 * the view and the integration tests drive it alike.
 */
export interface FleetMember<T> {
  entry: EngineEntry;
  session: EngineSession<T>;
  started: boolean;
}

/** What changed about a member: its state, its snapshot, or it was started. */
export type FleetChange = 'state' | 'snapshot' | 'started';

export class EngineFleet<T> {
  private members = new Map<string, FleetMember<T>>();
  private order: string[] = [];
  private readonly listeners = new Set<(id: string, what: FleetChange) => void>();
  private readonly offs = new Map<string, Array<() => void>>();

  constructor(
    entries: EngineEntry[],
    private readonly create: (entry: EngineEntry) => EngineSession<T>,
  ) {
    this.update(entries);
  }

  /** The members in the order of the list (the current Engine first). */
  get all(): FleetMember<T>[] {
    return this.order.map((id) => this.members.get(id)!);
  }

  get(id: string | undefined): FleetMember<T> | undefined {
    return id === undefined ? undefined : this.members.get(id);
  }

  /** The Engine the docker CLI would use, else the first listed. */
  get current(): FleetMember<T> | undefined {
    return this.all.find((m) => m.entry.current) ?? this.all[0];
  }

  /** Starts the session of `id` once; later calls do nothing (the session reconnects by itself). */
  start(id: string): FleetMember<T> | undefined {
    const m = this.members.get(id);
    if (m && !m.started) {
      m.started = true;
      m.session.start();
      this.fire(id, 'started');
    }
    return m;
  }

  /** Called with the member's id whenever its state or snapshot changes, or it is started. */
  onDidChange(l: (id: string, what: FleetChange) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /**
   * A new list (settings or the context store changed): a member whose id and resolved
   * host are unchanged keeps its session (and its connection); the others are disposed,
   * new ones are created unstarted. `force` replaces every session (e.g. a new timeout).
   */
  update(entries: EngineEntry[], force = false): void {
    const next = new Map<string, FleetMember<T>>();
    for (const entry of entries) {
      const old = this.members.get(entry.id);
      if (old && !force && sameResolution(old.entry, entry)) {
        old.entry = entry;
        next.set(entry.id, old);
        continue;
      }
      if (old) this.drop(entry.id, old);
      const session = this.create(entry);
      const member: FleetMember<T> = { entry, session, started: false };
      this.offs.set(entry.id, [session.onDidChangeState(() => this.fire(entry.id, 'state')), session.onDidChangeSnapshot(() => this.fire(entry.id, 'snapshot'))]);
      next.set(entry.id, member);
      // A replaced Engine that was connected (or connecting) reconnects with its new settings.
      if (old?.started) {
        member.started = true;
        session.start();
      }
    }
    for (const [id, old] of this.members) if (!next.has(id)) this.drop(id, old);
    this.members = next;
    this.order = [...next.keys()];
  }

  private drop(id: string, m: FleetMember<T>): void {
    this.offs.get(id)?.forEach((off) => off());
    this.offs.delete(id);
    m.session.dispose();
  }

  private fire(id: string, what: FleetChange): void {
    for (const l of [...this.listeners]) {
      try {
        l(id, what);
      } catch {
        // a listener's failure must not stop the others
      }
    }
  }

  dispose(): void {
    for (const offs of this.offs.values()) offs.forEach((off) => off());
    this.offs.clear();
    for (const m of this.members.values()) m.session.dispose();
    this.members.clear();
    this.order = [];
    this.listeners.clear();
  }
}

function sameResolution(a: EngineEntry, b: EngineEntry): boolean {
  return JSON.stringify(a.resolution) === JSON.stringify(b.resolution);
}
