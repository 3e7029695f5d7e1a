import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { toDiagnostics } from '../../server/src/diagnostics';
import type { LanguageMode, ModeContext } from '../../server/src/modes/languageMode';
import { getLanguageModes } from '../../server/src/modes/languageModes';
import { NEWEST_KNOWN, parseEngineVersion } from '../../server/src/shared/engineVersion';
import type { FileKind } from '../../server/src/shared/fileKinds';
import { DEFAULT_SETTINGS } from '../../server/src/shared/settings';
import { REPO_ROOT } from '../util/lspClient';
import { prng } from '../util/prng';
import { randomEdit } from '../util/randomEdit';

/**
 * The modes under generated input (#15): documents made from the repository's fixtures by
 * random edits that favour what breaks parsers (odd line breaks, deep nesting, long lines,
 * half-typed keys), with every feature asked at random positions. Each document is
 * checked against invariants that hold for any input:
 *   - no feature throws;
 *   - every range a feature returns lies inside the document, starts before it ends, and a
 *     completion edit stays on one line and covers the cursor (VS Code drops other items);
 *   - every quick fix and rename edit applies cleanly (edits inside the document, not overlapping);
 *   - the parse is pure: parsing the same text again gives the same diagnostics.
 * Hangs are caught by the runner (fuzzRunner.ts), which runs this in a worker thread.
 */

export const KINDS: readonly FileKind[] = ['daemonJson', 'compose', 'systemdDropin'];

const URIS: Record<FileKind, string> = {
  daemonJson: 'file:///etc/docker/daemon.json',
  compose: 'file:///srv/app/compose.yaml',
  systemdDropin: 'file:///etc/systemd/system/docker.service.d/http-proxy.conf',
};

/** Texts a user or a bad tool may put into each kind of file. */
const INSERTS: Record<FileKind, readonly string[]> = {
  daemonJson: ['{', '}', '[', ']', '"', ':', ',', '"bip": "10.0.0.1/24"', '"default-address-pools": [{"base": "10.0.0.0/8", "size": 24}]', '//', '/*', '\\', 'null', '-1e999', '"\\u0000"', '"log-opts": {', '"hosts": ["tcp://0.0.0.0:2375"]'],
  compose: [':', '\n  ', '\n', '- ', '&a ', '*a', '<<: *a', '{', '[', '"', "'", '${VAR:-x}', '$$', 'networks:', 'network_mode: service:', 'ipv4_address: 10.0.0.300', '  subnet: 10.0.0.0/33', '!reset ', '---\n', '#'],
  systemdDropin: ['=', '[Service]', '[Unit]', '\\\n', '"', "'", '%', '%n', '$', 'Environment=', 'HTTP_PROXY=http://u:p@h:3128', 'NO_PROXY=', 'ExecStart=', 'ExecStart=/usr/bin/dockerd -H fd://', ';', '#'],
};

/** Inserts that break every kind the same way. */
const ANY: readonly string[] = ['\r', '\r\n', '\n', '\t', ' ', '\u00a0', '\u2028', '😀', '\ufeff', '\0'];

function fixtureTexts(kind: FileKind): string[] {
  const dirs: Record<FileKind, string[]> = {
    daemonJson: ['test/fixtures/daemonJson/dockerd'],
    compose: ['test/fixtures/compose', 'test/fixtures/compose/engine', 'test/fixtures/compose/config'],
    systemdDropin: ['test/fixtures/systemdDropin', 'test/fixtures/systemdDropin/verify'],
  };
  const ext: Record<FileKind, RegExp> = { daemonJson: /\.json$/, compose: /\.ya?ml$/, systemdDropin: /\.conf$/ };
  const out: string[] = [];
  for (const dir of dirs[kind]) {
    const abs = path.join(REPO_ROOT, dir);
    if (!fs.existsSync(abs)) continue;
    for (const f of fs.readdirSync(abs).sort()) if (ext[kind].test(f)) out.push(fs.readFileSync(path.join(abs, f), 'utf8'));
  }
  if (out.length === 0) throw new Error(`no fixtures for ${kind}: the fuzzer would test nothing`);
  return out;
}

const seedCache = new Map<FileKind, string[]>();
function seeds(kind: FileKind): string[] {
  let s = seedCache.get(kind);
  if (!s) seedCache.set(kind, (s = fixtureTexts(kind)));
  return s;
}

/** One generated document: a fixture, or two glued, then 0–12 random edits, sometimes a big transformation. */
export function generate(kind: FileKind, rand: () => number): string {
  const pool = seeds(kind);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  let text = pick(pool);
  if (rand() < 0.1) text += pick(pool);
  const r = rand();
  if (r < 0.05) text = text.replace(/\n/g, '\r');
  else if (r < 0.1) text = text.replace(/\n/g, '\r\n');
  else if (r < 0.13) text = ('{'.repeat(200) + text).slice(0, 20_000);
  else if (r < 0.16) text = text + pick(INSERTS[kind]).repeat(1 + Math.floor(rand() * 2000));
  else if (r < 0.18) text = '';
  else if (r < 0.2) text = '\n' + text.replace(/^\S/m, (c) => `  ${c}`);
  const edits = Math.floor(rand() * 13);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rand() * (text.length + 1));
    const q = rand();
    if (q < 0.55) text = text.slice(0, at) + (rand() < 0.75 ? pick(INSERTS[kind]) : pick(ANY)) + text.slice(at);
    else if (q < 0.85) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 12));
    else {
      const lines = text.split('\n');
      const a = Math.floor(rand() * lines.length);
      const b = Math.floor(rand() * lines.length);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      text = lines.join('\n');
    }
  }
  return text;
}

export interface Failure {
  kind: FileKind;
  text: string;
  what: string;
}

function context(rand: () => number): ModeContext {
  const engine = ['20.10', '23.0', '26.1', '28.5', '29.7'][Math.floor(rand() * 5)];
  return { settings: DEFAULT_SETTINGS, engineVersion: parseEngineVersion(engine) ?? NEWEST_KNOWN, engineVersionKnown: true };
}

function inside(doc: TextDocument, r: Range | undefined, what: string): void {
  if (!r) throw new Error(`${what}: no range`);
  const lines = doc.lineCount;
  const check = (p: Position, end: string) => {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) throw new Error(`${what}: ${end} ${JSON.stringify(p)} is not a position`);
    if (p.line >= lines) throw new Error(`${what}: ${end} line ${p.line} past the last line ${lines - 1}`);
    const lineLength = doc.offsetAt({ line: p.line, character: Number.MAX_SAFE_INTEGER }) - doc.offsetAt({ line: p.line, character: 0 });
    if (p.character > lineLength) throw new Error(`${what}: ${end} ${p.line}:${p.character} past the line's end (${lineLength})`);
  };
  check(r.start, 'start');
  check(r.end, 'end');
  if (doc.offsetAt(r.start) > doc.offsetAt(r.end)) throw new Error(`${what}: range ends before it starts ${JSON.stringify(r)}`);
}

function applies(doc: TextDocument, edits: readonly TextEdit[], what: string): void {
  const spans = edits.map((e) => {
    inside(doc, e.range, what);
    return [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)] as const;
  });
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) if (spans[i][0] < spans[i - 1][1]) throw new Error(`${what}: overlapping edits`);
  TextDocument.applyEdits(doc, [...edits]);
}

function randomPosition(doc: TextDocument, rand: () => number): Position {
  const text = doc.getText();
  // Positions past a line's or the document's end reach a mode as the server passes them
  // on: clamped to the document (server/src/server.ts), as LSP asks.
  if (rand() < 0.05) return doc.positionAt(doc.offsetAt({ line: doc.lineCount + Math.floor(rand() * 3), character: Math.floor(rand() * 10) }));
  return doc.positionAt(Math.floor(rand() * (text.length + 1)));
}

/**
 * Runs every feature of `kind`'s mode on `text`; throws with what went wrong. `requests`
 * is how many random positions each position feature is asked at.
 */
export function exercise(kind: FileKind, text: string, rand: () => number, requests = 6): void {
  const mode = getLanguageModes()[kind] as LanguageMode;
  const doc = TextDocument.create(URIS[kind], 'plaintext', 1, text);
  const ctx = context(rand);
  const model = mode.parse(doc);
  const problems = mode.validate?.(model, ctx) ?? [];
  for (const p of problems) {
    if (!(p.range[0] >= 0 && p.range[0] <= p.range[1] && p.range[1] <= text.length)) throw new Error(`problem ${p.code} has range ${p.range} outside 0..${text.length}`);
  }
  const diagnostics = toDiagnostics(doc, problems);
  for (const d of diagnostics) inside(doc, d.range, `diagnostic ${String(d.code)}`);
  // Pure parse: the same text, parsed again, is judged the same.
  const again = toDiagnostics(doc, mode.validate?.(mode.parse(doc), ctx) ?? []);
  if (JSON.stringify(again) !== JSON.stringify(diagnostics)) throw new Error('a second parse of the same text gave other diagnostics');
  for (const p of problems) {
    for (const fix of p.fixes ?? []) {
      const edits = mode.resolveFix?.(doc, model, JSON.parse(JSON.stringify(fix)), ctx);
      if (edits) applies(doc, edits.map((e) => ({ range: { start: doc.positionAt(e.range[0]), end: doc.positionAt(e.range[1]) }, newText: e.newText })), `fix "${fix.title}"`);
    }
  }
  for (let i = 0; i < requests; i++) {
    const pos = randomPosition(doc, rand);
    const at = `at ${pos.line}:${pos.character}`;
    const list = mode.complete?.(doc, pos, model, ctx);
    for (const item of list?.items ?? []) {
      const te = item.textEdit;
      if (te) {
        const ranges = 'range' in te ? [te.range] : [te.insert, te.replace];
        for (const r of ranges) {
          inside(doc, r, `completion "${item.label}" ${at}`);
          if (r.start.line !== r.end.line) throw new Error(`completion "${item.label}" ${at}: its edit spans several lines`);
          const cursor = doc.offsetAt(pos);
          if (doc.offsetAt(r.start) > cursor || doc.offsetAt(r.end) < cursor) throw new Error(`completion "${item.label}" ${at}: its range does not cover the cursor`);
        }
      }
      if (item.additionalTextEdits) applies(doc, item.additionalTextEdits, `completion "${item.label}" additional edits ${at}`);
    }
    const hover = mode.hover?.(doc, pos, model, ctx);
    if (hover?.range) inside(doc, hover.range, `hover ${at}`);
    for (const l of mode.findDefinition?.(doc, pos, model, ctx) ?? []) if (l.uri === doc.uri) inside(doc, l.range, `definition ${at}`);
    for (const l of mode.findReferences?.(doc, pos, model, ctx) ?? []) if (l.uri === doc.uri) inside(doc, l.range, `reference ${at}`);
    for (const h of mode.findDocumentHighlights?.(doc, pos, model, ctx) ?? []) inside(doc, h.range, `highlight ${at}`);
    const prepared = mode.prepareRename?.(doc, pos, model, ctx);
    if (prepared) {
      inside(doc, prepared.range, `prepareRename ${at}`);
      const edit = mode.doRename?.(doc, pos, 'renamed_x', model, ctx);
      const edits = edit?.changes?.[doc.uri] ?? [];
      applies(doc, edits, `rename ${at}`);
    }
  }
  const walk = (symbols: ReturnType<NonNullable<LanguageMode['findDocumentSymbols']>>, depth: number) => {
    for (const s of symbols) {
      if (!s.name) throw new Error('a document symbol with an empty name');
      inside(doc, s.range, `symbol ${s.name}`);
      inside(doc, s.selectionRange, `symbol ${s.name} selection`);
      if (doc.offsetAt(s.selectionRange.start) < doc.offsetAt(s.range.start) || doc.offsetAt(s.selectionRange.end) > doc.offsetAt(s.range.end)) {
        throw new Error(`symbol ${s.name}: selection range outside its range`);
      }
      if (s.children) walk(s.children, depth + 1);
    }
  };
  walk(mode.findDocumentSymbols?.(doc, model, ctx) ?? [], 0);
  typeOn(mode, kind, text, ctx, rand);
}

/** How many edits each document gets typed into it, validated as the server does between keystrokes. */
const TYPED_EDITS = 4;

/**
 * Incremental = fresh (#15): a few random edits, each validated with the document's
 * validation memo as the server keeps it (languageMode.ts ValidationMemo), must give
 * what a validation from scratch of the same text gives.
 */
function typeOn(mode: LanguageMode, kind: FileKind, text: string, ctx: ModeContext, rand: () => number): void {
  if (!mode.validate) return;
  const memo = {};
  const doc = TextDocument.create(URIS[kind], 'plaintext', 1, text);
  mode.validate(mode.parse(doc), ctx, memo);
  for (let i = 0; i < TYPED_EDITS; i++) {
    const before = doc.getText();
    const after = randomEdit(before, rand, INSERTS[kind], { insert: 0.6, remove: 0.9 });
    TextDocument.update(doc, [{ text: after }], doc.version + 1);
    const model = mode.parse(doc);
    const typed = JSON.stringify(toDiagnostics(doc, mode.validate(model, ctx, memo)));
    const fresh = JSON.stringify(toDiagnostics(doc, mode.validate(mode.parse(doc), ctx)));
    if (typed !== fresh) throw new Error(`after edit ${i + 1}, validating with the memo gave other diagnostics than from scratch: ${typed.slice(0, 300)} vs ${fresh.slice(0, 300)}`);
  }
}

/** Runs `docs` documents from `seed`, round-robin over the kinds; returns the first failure, if any. */
export function fuzz(seed: number, docs: number, onDoc?: (i: number, kind: FileKind, text: string) => void): Failure | undefined {
  for (let i = 0; i < docs; i++) {
    const kind = KINDS[i % KINDS.length];
    const rand = prng(seed * 1_000_003 + i);
    const text = generate(kind, rand);
    onDoc?.(i, kind, text);
    try {
      exercise(kind, text, rand);
    } catch (err) {
      return { kind, text, what: `document ${i} of seed ${seed}: ${err instanceof Error ? err.message : String(err)}` };
    }
  }
  return undefined;
}

/**
 * A smaller text that still fails the same way, by deleting chunks while `still` holds
 * (delta debugging, halving the chunk size), asking `still` at most `maxTries` times.
 */
export async function shrink(text: string, still: (t: string) => boolean | Promise<boolean>, maxTries = Infinity): Promise<string> {
  let cur = text;
  let tries = 0;
  for (let chunk = Math.max(1, Math.floor(cur.length / 2)); chunk >= 1 && tries < maxTries; chunk = Math.floor(chunk / 2)) {
    for (let at = 0; at < cur.length && tries < maxTries; ) {
      const candidate = cur.slice(0, at) + cur.slice(at + chunk);
      tries++;
      if (candidate !== cur && (await still(candidate))) cur = candidate;
      else at += chunk;
    }
  }
  return cur;
}
