import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, Diagnostic, Hover } from 'vscode-languageserver-types';
import { toDiagnostics } from '../../server/src/diagnostics';
import type { FixDescriptor, LanguageMode, ModeContext, Problem } from '../../server/src/modes/languageMode';
import { parseEngineVersion, resolveEngineVersion } from '../../server/src/shared/engineVersion';
import type { LiveNetwork } from '../../server/src/shared/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/shared/settings';
import { applyEdits, diagnosticLines, fixture, type Fixture } from './fixture';

/**
 * The one test kit for modes (#14): every mode is driven the same way, through its
 * `LanguageMode` façade and the server's own problem → diagnostic conversion, from
 * `$0` fixtures (fixture.ts). A mode's tests make one kit with their file's URI:
 *
 *     const k = modeKit(daemonJsonMode, 'file:///etc/docker/daemon.json');
 *     assert.deepEqual(k.lines('{"bip": "x"}'), ['1: bad-cidr: …']);
 */

export interface ContextOptions {
  /** "MAJOR.MINOR" the verdicts follow; "auto" for the newest known with no Engine. Default "29.7". */
  engine?: string;
  liveNetworks?: LiveNetwork[];
  /** Settings on top of the defaults (shallow per section). */
  settings?: { [K in keyof Settings]?: Settings[K] extends object ? Partial<Settings[K]> : Settings[K] };
  workspace?: ModeContext['workspace'];
}

/** A mode context as the server would build it. */
export function modeContext(opts: ContextOptions = {}): ModeContext {
  const engine = opts.engine ?? '29.7';
  const settings = { ...DEFAULT_SETTINGS, engineVersion: engine } as Settings;
  for (const [key, value] of Object.entries(opts.settings ?? {})) {
    const base = (DEFAULT_SETTINGS as unknown as Record<string, unknown>)[key];
    (settings as unknown as Record<string, unknown>)[key] = base && typeof base === 'object' && !Array.isArray(base) ? { ...base, ...(value as object) } : value;
  }
  const explicit = engine === 'auto' ? undefined : parseEngineVersion(engine);
  return {
    settings,
    engineVersion: explicit ?? resolveEngineVersion('auto', undefined),
    engineVersionKnown: explicit !== undefined,
    liveNetworks: opts.liveNetworks,
    workspace: opts.workspace,
  };
}

export interface ModeKit<M> {
  readonly mode: LanguageMode<M>;
  /** The fixture (markers removed) and its model. */
  parse(source: string): Fixture & { model: M };
  problems(source: string, opts?: ContextOptions): Problem[];
  diagnostics(source: string, opts?: ContextOptions): Diagnostic[];
  /** Diagnostics as `LINE: code: message`, sorted, as the Problems panel reads. */
  lines(source: string, opts?: ContextOptions): string[];
  /** Only `LINE: code`, for tests about which rule fires where. */
  codes(source: string, opts?: ContextOptions): string[];
  /** The titles of the fixes offered for the problems with `code`. */
  fixTitles(source: string, code: string, opts?: ContextOptions): string[];
  /** The text after the fix titled `title` (else the first) of the first problem with `code`, resolved as the server does at code-action time. */
  applyFix(source: string, code: string, title?: string, opts?: ContextOptions): string;
  /** Completion at the `$0` marker; `apply(label)` returns the text after the item is applied as VS Code applies it. */
  complete(source: string, opts?: ContextOptions): { items: CompletionItem[]; labels: string[]; apply(label: string): string };
  /** The hover at `$0`, or null. */
  hover(source: string, opts?: ContextOptions): Hover | null;
  /** The hover's markdown at `$0` ('' when there is none). */
  hoverText(source: string, opts?: ContextOptions): string;
}

export function modeKit<M>(mode: LanguageMode<M>, uri: string, languageId = 'plaintext'): ModeKit<M> {
  const parse = (source: string) => {
    const f = fixture(source, uri, languageId);
    return Object.assign(f, { model: mode.parse(f.document) });
  };
  const problems = (source: string, opts?: ContextOptions) => {
    const f = parse(source);
    return mode.validate?.(f.model, modeContext(opts)) ?? [];
  };
  const diagnostics = (source: string, opts?: ContextOptions) => {
    const f = parse(source);
    return toDiagnostics(f.document, mode.validate?.(f.model, modeContext(opts)) ?? []);
  };
  const lines = (source: string, opts?: ContextOptions) => diagnosticLines(diagnostics(source, opts));
  const hover = (source: string, opts?: ContextOptions) => {
    const f = parse(source);
    return mode.hover?.(f.document, f.position, f.model, modeContext(opts)) ?? null;
  };
  return {
    mode,
    parse,
    problems,
    diagnostics,
    lines,
    codes: (source, opts) => lines(source, opts).map((l) => l.split(': ').slice(0, 2).join(': ')),
    fixTitles: (source, code, opts) =>
      problems(source, opts)
        .filter((p) => p.code === code)
        .flatMap((p) => (p.fixes ?? []).map((fx) => fx.title)),
    applyFix(source, code, title, opts) {
      const f = parse(source);
      const ctx = modeContext(opts);
      const found = (mode.validate?.(f.model, ctx) ?? []).filter((p) => p.code === code);
      if (found.length === 0) throw new Error(`no ${code} problem`);
      const fixes: FixDescriptor[] = found[0].fixes ?? [];
      // Through JSON, as the descriptor travels to the client and back in Diagnostic.data.
      const fix = JSON.parse(JSON.stringify(title ? fixes.find((x) => x.title === title) : fixes[0]) ?? 'null') as FixDescriptor | null;
      if (!fix) throw new Error(`no quick fix ${title ?? ''} among ${fixes.map((x) => x.title).join(', ')}`);
      const edits = mode.resolveFix?.(f.document, f.model, fix, ctx);
      if (!edits) throw new Error(`the fix ${fix.title} did not resolve`);
      return applyEdits(f.document, edits.map((e) => ({ range: { start: f.document.positionAt(e.range[0]), end: f.document.positionAt(e.range[1]) }, newText: e.newText })));
    },
    complete(source, opts) {
      const f = parse(source);
      const list = mode.complete?.(f.document, f.position, f.model, modeContext(opts)) ?? { isIncomplete: false, items: [] };
      return {
        items: list.items,
        labels: list.items.map((i) => i.label),
        apply: (label: string) => applyCompletion(f.document, f.position, list.items, label),
      };
    },
    hover,
    hoverText(source, opts) {
      const h = hover(source, opts);
      if (!h) return '';
      const c = h.contents;
      return typeof c === 'string' ? c : Array.isArray(c) ? c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n') : c.value;
    },
  };
}

/**
 * The text after completion item `label` is applied as VS Code applies it: its text edit
 * (or its insert text at the cursor's word), snippet placeholders replaced by their
 * defaults, plus its additional edits.
 */
export function applyCompletion(document: TextDocument, position: { line: number; character: number }, items: readonly CompletionItem[], label: string): string {
  const item = items.find((i) => i.label === label);
  if (!item) throw new Error(`no item ${label} among ${items.map((i) => i.label).join(', ')}`);
  const te = item.textEdit;
  const range = te ? ('range' in te ? te.range : te.replace) : { start: position, end: position };
  if (range.start.line !== range.end.line) throw new Error(`completion item ${label} spans several lines; VS Code drops such items`);
  const raw = te ? te.newText : (item.insertText ?? item.label);
  const text = item.insertTextFormat === 2 ? raw.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\d+/g, '') : raw;
  return applyEdits(document, [{ range, newText: text }, ...(item.additionalTextEdits ?? [])]);
}
