import type { ModeContext, WorkspaceFiles } from './languageMode';

/** One question a computation asked the workspace, and the answer it got. */
interface Read {
  op: 'list' | 'read' | 'exists' | 'workspaceFolders' | 'parse';
  args: unknown[];
  answer: unknown;
}

interface Entry {
  workspace: WorkspaceFiles | undefined;
  env: ModeContext['env'];
  settings: ModeContext['settings'];
  reads: Read[];
  value: unknown;
  /** The workspace's `revision()` when the reads were last known to be its answers. */
  revision: number | undefined;
}

const OPS = new Set<string>(['list', 'read', 'exists', 'workspaceFolders', 'parse']);

/** The same answer: the same string, model (by identity) or list of URIs. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function ask(ws: WorkspaceFiles, r: Read): unknown {
  const fn = (ws as unknown as Record<string, (...a: unknown[]) => unknown>)[r.op];
  return fn?.apply(ws, r.args);
}

/**
 * `compute(ctx)` for `key`, kept until the workspace answers any of the questions it asked
 * differently (#16, #14). Compose projects are loaded for every validation, hover and
 * completion, and every project of the workspace for the checks between projects:
 * loading the project of a 10,000-line file (its merge of every service) took a
 * millisecond, most of a hover, and checking 1,000 files loaded a project a million times.
 * Asking the index again what a load read takes microseconds (the server keeps parses per
 * text, so an unchanged file answers with the same model). Memoised computations may nest.
 *
 * Sound because the computation reads nothing but `key`, the settings, the environment
 * and the workspace: each of those is compared (the first three by identity, the
 * workspace answer by answer). Kept per `key` object (a parse, so a new version of the
 * document starts afresh) in a WeakMap: it goes with its model.
 */
export function memoByReads<T>(memo: WeakMap<object, Entry>, key: object, ctx: ModeContext, compute: (ctx: ModeContext) => T): T {
  // Inside another memoised computation the workspace is that one's recorder: a hit is
  // asked again through it, so the outer computation records what the inner one read.
  const ws = ctx.workspace;
  const base = ws && unwrapWorkspace(ws);
  const revision = base?.revision?.();
  const hit = memo.get(key);
  if (hit && hit.workspace === base && hit.env === ctx.env && hit.settings === ctx.settings) {
    // A workspace that has not changed since (the CLI's, between two --fix edits) gives the
    // same answers: they are not asked again. Asking was a tenth of a check of 1,000 files
    // (#21), which loads every Compose project of the workspace for most files it judges.
    // An enclosing computation still records what this one read, as if it had asked.
    if (revision !== undefined && hit.revision === revision) {
      if (ws) replay(ws, hit.reads);
      return hit.value as T;
    }
    if (!ws || hit.reads.every((r) => same(r.answer, ask(ws, r)))) {
      hit.revision = revision;
      return hit.value as T;
    }
  }
  const reads: Read[] = [];
  const recording: WorkspaceFiles | undefined = ws
    ? new Proxy(ws, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver) as unknown;
          if (typeof prop !== 'string' || !OPS.has(prop) || typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            const answer = (value as (...a: unknown[]) => unknown).apply(target, args);
            reads.push({ op: prop as Read['op'], args, answer });
            return answer;
          };
        },
      })
    : undefined;
  if (recording) recordings.set(recording, { reads, target: ws!, base: base! });
  const value = compute(recording ? { ...ctx, workspace: recording } : ctx);
  memo.set(key, { workspace: base, env: ctx.env, settings: ctx.settings, reads, value, revision });
  return value;
}

/**
 * Each recorder, to what it recorded so far, what it asks (perhaps another recorder) and
 * the workspace at the end of that chain.
 */
const recordings = new WeakMap<WorkspaceFiles, { reads: Read[]; target: WorkspaceFiles; base: WorkspaceFiles }>();

/** Records `reads` in `ws` and the recorders around it, when `ws` is a recorder: what asking each through it would have recorded. */
function replay(ws: WorkspaceFiles, reads: readonly Read[]): void {
  for (let r = recordings.get(ws); r; r = recordings.get(r.target)) for (const read of reads) r.reads.push(read);
}

/** A memo for memoByReads. */
export function readsMemo(): WeakMap<object, Entry> {
  return new WeakMap();
}

/** The workspace a recorder records (the workspace itself otherwise): what memo keys name. */
export function unwrapWorkspace(ws: WorkspaceFiles): WorkspaceFiles {
  return recordings.get(ws)?.base ?? ws;
}
