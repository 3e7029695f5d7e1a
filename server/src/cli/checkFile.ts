import * as fs from 'fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { fixesOf } from '../diagnostics';
import { diagnosticsOf } from '../diagnosticsOf';
import type { LanguageMode, ModeContext, OffsetEdit, WorkspaceFiles } from '../modes/languageMode';
import { getLanguageModes } from '../modes/languageModes';
import type { FileKind } from '../shared/fileKinds';
import { isOverSizeLimit } from '../largeFiles';
import { featureEnabled, MAX_FILE_SIZE_KB_RANGE } from '../shared/settings';
import { describeFsError } from './describeFsError';
import type { CheckTarget } from './selectFiles';

/** One fix `--fix` applied. */
export interface AppliedFix {
  code: string;
  title: string;
}

/** What `check` found in one file. */
export interface FileReport {
  /** Absolute path. */
  file: string;
  uri: string;
  kind: FileKind;
  /** The text judged: after the fixes, when `--fix` applied some. */
  text: string;
  /** The text as read, before any fix. */
  original: string;
  /** Sorted by position, then code and message, so that the output is stable for diffing. */
  diagnostics: Diagnostic[];
  fixed: AppliedFix[];
}

/**
 * Rounds of fixing per file: a fix can make another fix possible (an added header, then
 * an escape in it), and each round re-judges the text. Bounded, so that two fixes that
 * undo each other cannot loop; the second `--fix` then changes nothing only if the first
 * converged, which the tests check.
 */
const MAX_FIX_ROUNDS = 10;

export interface CheckHost {
  ctx: ModeContext & { workspace: WorkspaceFiles };
  /** Makes `text` win over the disk from now on: a file fixed in this run (other files' rules read it). */
  setText(uri: string, text: string): void;
}

const modes = getLanguageModes();

/**
 * The largest file the CLI reads: the most `maxFileSizeKB` may be set to. Files above the
 * setting but below this get what the server gives them (a note).
 */
export const CLI_MAX_FILE_MB = MAX_FILE_SIZE_KB_RANGE[1] / 1024;

/** A file chosen for checking that cannot be read: said on standard error; the others are still checked (exit code 2). */
export class UnreadableFile extends Error {}

/**
 * Checks one file as the server checks an open document (#21): its kind by path under
 * the settings (`enabledKindOf`, which selectFiles applied), its mode's parse, the one
 * validation path (`diagnosticsOf`). Returns undefined when its mode does not validate;
 * throws UnreadableFile when it cannot be read.
 */
export function checkFile({ file, uri, kind }: CheckTarget, host: CheckHost, fix: boolean): FileReport | undefined {
  const settings = host.ctx.settings;
  if (!featureEnabled(settings, kind, 'validate')) return undefined;
  const original = host.ctx.workspace.read(uri);
  if (original === undefined) throw new UnreadableFile(whyUnreadable(file));
  const mode = modes[kind] as LanguageMode;
  let doc = TextDocument.create(uri, 'plaintext', 1, original);
  // Above maxFileSizeKB diagnosticsOf gives only a note and never asks for the parse (#15).
  // The workspace's parse of the text (runCli.ts keeps one per text), as the server's is its
  // cache entry: the projects and hosts that other files load hold this very model, so a
  // Compose file is parsed once, and its project loaded once for all (composeProject.ts).
  let model: unknown;
  const parsed = () => (model ??= host.ctx.workspace.parse?.(uri, kind) ?? mode.parse(doc));
  let diagnostics = diagnosticsOf(mode, doc, host.ctx, parsed);
  const fixed: AppliedFix[] = [];
  if (fix && mode.resolveFix && featureEnabled(settings, kind, 'codeActions') && !isOverSizeLimit(doc, settings)) {
    for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
      const edits: OffsetEdit[] = [];
      for (const d of diagnostics) {
        for (const f of fixesOf(d)) {
          if (f.safe !== true) continue;
          // Through JSON, as the fix travels from the server to the client and back.
          const e = mode.resolveFix(doc, parsed(), JSON.parse(JSON.stringify(f)), host.ctx);
          // Edits of one round must not touch each other; the next round re-judges the rest.
          if (!e?.length || e.some((a) => edits.some((b) => a.range[0] <= b.range[1] && b.range[0] <= a.range[1]))) continue;
          edits.push(...e);
          fixed.push({ code: String(d.code ?? ''), title: f.title });
          break;
        }
      }
      if (!edits.length) break;
      const text = TextDocument.applyEdits(
        doc,
        edits.map((e) => ({ range: { start: doc.positionAt(e.range[0]), end: doc.positionAt(e.range[1]) }, newText: e.newText })),
      );
      host.setText(uri, text);
      doc = TextDocument.create(uri, 'plaintext', doc.version + 1, text);
      model = undefined;
      diagnostics = diagnosticsOf(mode, doc, host.ctx, parsed);
    }
  }
  return { file, uri, kind, text: doc.getText(), original, diagnostics: sortDiagnostics(diagnostics), fixed };
}

/** Why the workspace could not read `file`, asked again of the disk (the index keeps no error): the reader's words, not a list of guesses (#21). */
function whyUnreadable(file: string): string {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return 'no longer a file; not checked.';
    if (stat.size > CLI_MAX_FILE_MB * 1024 * 1024) return `larger than ${CLI_MAX_FILE_MB} MB; not checked.`;
    // A regular file: opening it cannot block, and says why a read fails.
    fs.closeSync(fs.openSync(file, 'r'));
    return 'cannot be read.';
  } catch (err) {
    return `cannot be read (${describeFsError(err)}).`;
  }
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.range.end.line - b.range.end.line ||
      a.range.end.character - b.range.end.character ||
      compareCodeUnits(String(a.code), String(b.code)) ||
      compareCodeUnits(a.message, b.message),
  );
}

/**
 * By UTF-16 code units, not localeCompare: the same order whatever the machine's locale
 * (output stable for diffing), and no ICU collator to load (about 20 ms, #21).
 */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
