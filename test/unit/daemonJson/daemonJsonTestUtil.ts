import type { CodeAction, CompletionItem, Diagnostic } from 'vscode-languageserver-types';
import type { ModeContext } from '../../../server/src/modes/languageMode';
import { daemonJsonMode } from '../../../server/src/modes/daemonJson/daemonJsonMode';
import { DEFAULT_SETTINGS } from '../../../server/src/shared/settings';
import { parseEngineVersion } from '../../../server/src/shared/engineVersion';
import { applyEdits, diagnosticLines, fixture } from '../../util/fixture';

/** Shared helpers of the daemon.json unit tests. */
export function context(version = '29.7', platform: 'linux' | 'windows' = 'linux'): ModeContext {
  return {
    settings: { ...DEFAULT_SETTINGS, engineVersion: version, daemonJson: { enable: true, platform } },
    engineVersion: parseEngineVersion(version)!,
    engineVersionKnown: true,
  };
}

export function diagnostics(text: string, version = '29.7', platform: 'linux' | 'windows' = 'linux'): Diagnostic[] {
  const f = fixture(text);
  return daemonJsonMode.doValidation!(f.document, daemonJsonMode.parse(f.document), context(version, platform));
}

/** Diagnostics as `LINE: code: message`. */
export function lines(text: string, version = '29.7', platform: 'linux' | 'windows' = 'linux'): string[] {
  return diagnosticLines(diagnostics(text, version, platform));
}

/** Codes only, sorted by position: for tests about which rule fires, not its wording. */
export function codes(text: string, version = '29.7', platform: 'linux' | 'windows' = 'linux'): string[] {
  return diagnosticLines(diagnostics(text, version, platform)).map((l) => l.split(': ').slice(0, 2).join(': '));
}

/** Applies the quick fix titled `title` offered for the diagnostic with `code`; returns the new text. */
export function applyFix(text: string, code: string, title?: string, version = '29.7', platform: 'linux' | 'windows' = 'linux'): string {
  const f = fixture(text);
  const parsed = daemonJsonMode.parse(f.document);
  const diags = daemonJsonMode.doValidation!(f.document, parsed, context(version, platform)).filter((d) => d.code === code);
  if (diags.length === 0) throw new Error(`no ${code} diagnostic`);
  const actions: CodeAction[] = daemonJsonMode.getCodeActions!(f.document, diags[0].range, diags, parsed, context(version, platform));
  const action = title ? actions.find((a) => a.title === title) : actions[0];
  if (!action) throw new Error(`no quick fix ${title ?? ''} among ${actions.map((a) => a.title).join(', ')}`);
  return applyEdits(f.document, action.edit!.changes![f.document.uri]);
}

/** Completion at `$0`; `apply(label)` inserts the item the way an editor does (placeholders → their default). */
export function complete(source: string, version = '29.7', platform: 'linux' | 'windows' = 'linux'): { items: CompletionItem[]; apply(label: string): string } {
  const f = fixture(source);
  const list = daemonJsonMode.doComplete!(f.document, f.position, daemonJsonMode.parse(f.document), context(version, platform));
  return {
    items: list.items,
    apply(label: string): string {
      const item = list.items.find((i) => i.label === label);
      if (!item) throw new Error(`no item ${label} among ${list.items.map((i) => i.label).join(', ')}`);
      const edit = item.textEdit as { range: never; newText: string };
      const plain = edit.newText.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
      return applyEdits(f.document, [{ range: edit.range, newText: plain }]);
    },
  };
}

/** The hover markdown at `$0` ('' when there is none). */
export function hoverText(source: string, version = '29.7', platform: 'linux' | 'windows' = 'linux'): string {
  const f = fixture(source);
  const h = daemonJsonMode.doHover!(f.document, f.position, daemonJsonMode.parse(f.document), context(version, platform));
  return h ? (h.contents as { value: string }).value : '';
}
