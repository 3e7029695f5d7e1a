import type { ModeContext } from '../languageMode';
import { formatEngineVersion } from '../../shared/engineVersion';
import type { DaemonJsonModel, DaemonJsonProblem, DaemonJsonRule, TopProperty } from './model';

/**
 * The per-document memo of daemon.json rule results that rules never see (#14): a rule
 * is rerun only when something it read changed.
 *
 * What a rule reads is watched, not declared: the rule runs over a view of the model
 * and of the context that records each top-level key it looks up by name
 * (`model.top.get` / `has`, which `topValue` uses) and the settings and Engine version
 * it reads. Reading anything else (the text, the tree, the list of all properties, the
 * workspace, live networks) makes that run unreusable, so a rule that walks every key is
 * simply rerun each time. A run is reused when every key it looked up has the same text
 * as then (or is still absent), and its problems lie inside those keys: they are moved
 * by as much as their key moved.
 *
 * Sound as long as a rule learns about other keys only through `model.top`, not by
 * climbing a node's parent links to its siblings; CONTRIBUTING says so.
 *
 * Why at all: on the 5,000-line benchmark file the rules that look up a few keys
 * (address pools, registries, runtimes, log options, …) cost about as much as the rest
 * of an edit; an edit touches one key.
 */
export class RuleResultCache {
  private readonly runs = new Map<DaemonJsonRule, RuleRun>();

  run(rule: DaemonJsonRule, model: DaemonJsonModel, ctx: ModeContext): DaemonJsonProblem[] {
    const previous = this.runs.get(rule);
    const reused = previous && reuse(previous, model, ctx);
    if (reused) {
      this.runs.set(rule, { ...previous, problems: reused, keys: moved(previous.keys, model) });
      return reused;
    }
    const reads = new Reads();
    const problems = rule(watchedModel(model, reads), watchedContext(ctx, reads));
    if (reads.everything) this.runs.delete(rule);
    else this.runs.set(rule, { problems, keys: snapshot(reads.keys, model), settings: reads.settings, version: reads.version, versionKnown: reads.versionKnown });
    return problems;
  }
}

/** One top-level key as a rule saw it: its property's text and offset then, or absent. */
type KeySeen = { text: string; offset: number } | undefined;

interface RuleRun {
  problems: DaemonJsonProblem[];
  keys: Map<string, KeySeen>;
  /** What the rule read of the context; `undefined` when it did not read that part. */
  settings?: ModeContext['settings'];
  version?: string;
  versionKnown?: boolean;
}

class Reads {
  everything = false;
  readonly keys = new Set<string>();
  settings?: ModeContext['settings'];
  version?: string;
  versionKnown?: boolean;
}

function propertyText(model: DaemonJsonModel, p: TopProperty): string {
  return model.parsedText.slice(p.prop.offset, p.prop.offset + p.prop.length);
}

function snapshot(keys: Iterable<string>, model: DaemonJsonModel): Map<string, KeySeen> {
  const out = new Map<string, KeySeen>();
  for (const name of keys) {
    const p = model.top.get(name);
    out.set(name, p && { text: propertyText(model, p), offset: p.prop.offset });
  }
  return out;
}

/** The same keys at their offsets in `model` (a reused run's keys have just been found equal). */
function moved(keys: Map<string, KeySeen>, model: DaemonJsonModel): Map<string, KeySeen> {
  const out = new Map<string, KeySeen>();
  for (const [name, seen] of keys) out.set(name, seen && { text: seen.text, offset: model.top.get(name)!.prop.offset });
  return out;
}

/** The run's problems for `model`, moved with their keys; undefined when the rule must run again. */
function reuse(run: RuleRun, model: DaemonJsonModel, ctx: ModeContext): DaemonJsonProblem[] | undefined {
  if (run.settings !== undefined && run.settings !== ctx.settings) return undefined;
  if (run.version !== undefined && run.version !== formatEngineVersion(ctx.engineVersion)) return undefined;
  if (run.versionKnown !== undefined && run.versionKnown !== ctx.engineVersionKnown) return undefined;
  // Old start, old end (exclusive) and shift of each key the rule looked up.
  const spans: [number, number, number][] = [];
  for (const [name, seen] of run.keys) {
    const now = model.top.get(name);
    if (!seen || !now) {
      if (seen || now) return undefined;
      continue;
    }
    if (now.prop.length !== seen.text.length || propertyText(model, now) !== seen.text) return undefined;
    spans.push([seen.offset, seen.offset + seen.text.length, now.prop.offset - seen.offset]);
  }
  if (spans.every(([, , shift]) => shift === 0)) return run.problems;
  const shiftOf = (start: number, end: number): number | undefined => spans.find(([s, e]) => start >= s && end <= e)?.[2];
  const out: DaemonJsonProblem[] = [];
  for (const p of run.problems) {
    const shift = shiftOf(p.range[0], p.range[1]);
    if (shift === undefined) return undefined;
    const related = p.related?.map((r) => {
      const s = shiftOf(r.range[0], r.range[1]);
      return s === undefined ? undefined : { ...r, range: [r.range[0] + s, r.range[1] + s] as const };
    });
    if (related?.some((r) => r === undefined)) return undefined;
    out.push({ ...p, range: [p.range[0] + shift, p.range[1] + shift], ...(related ? { related: related as NonNullable<DaemonJsonProblem['related']> } : {}) });
  }
  return out;
}

/** The model as a rule sees it: `top.get`/`top.has` are recorded; any other read marks the run unreusable. */
function watchedModel(model: DaemonJsonModel, reads: Reads): DaemonJsonModel {
  const top: DaemonJsonModel['top'] = new Proxy(model.top, {
    get(map, prop) {
      if (prop === 'get' || prop === 'has') {
        return (name: string) => {
          reads.keys.add(name);
          return prop === 'get' ? map.get(name) : map.has(name);
        };
      }
      reads.everything = true;
      const value = Reflect.get(map, prop, map) as unknown;
      return typeof value === 'function' ? value.bind(map) : value;
    },
  });
  return new Proxy(model, {
    get(target, prop) {
      if (prop === 'top') return top;
      reads.everything = true;
      return Reflect.get(target, prop, target) as unknown;
    },
  });
}

/** The context as a rule sees it: settings and Engine version are recorded; anything else marks the run unreusable. */
function watchedContext(ctx: ModeContext, reads: Reads): ModeContext {
  return new Proxy(ctx, {
    get(target, prop) {
      if (prop === 'settings') reads.settings = target.settings;
      else if (prop === 'engineVersion') reads.version = formatEngineVersion(target.engineVersion);
      else if (prop === 'engineVersionKnown') reads.versionKnown = target.engineVersionKnown;
      else reads.everything = true;
      return Reflect.get(target, prop, target) as unknown;
    },
  });
}
