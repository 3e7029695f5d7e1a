import { composeNetworksMode } from '../../../server/src/modes/compose/composeNetworksMode';
import type { ComposeModel } from '../../../server/src/modes/compose/composeModel';
import type { ModeContext } from '../../../server/src/modes/languageMode';
import type { LiveNetwork } from '../../../server/src/shared/protocol';
import { DEFAULT_SETTINGS } from '../../../server/src/shared/settings';
import { parseEngineVersion } from '../../../server/src/shared/engineVersion';
import { applyEdits, diagnosticLines, fixture, type Fixture } from '../../util/fixture';

export const mode = composeNetworksMode;
export const URI = 'file:///srv/app/compose.yaml';

export function ctx(opts: { engine?: string; unusedNetworks?: boolean; liveNetworks?: LiveNetwork[] } = {}): ModeContext {
  return {
    settings: { ...DEFAULT_SETTINGS, compose: { ...DEFAULT_SETTINGS.compose, unusedNetworks: opts.unusedNetworks ?? true } },
    engineVersion: parseEngineVersion(opts.engine ?? '29.7')!,
    engineVersionKnown: true,
    liveNetworks: opts.liveNetworks,
  };
}

export function compose(source: string): Fixture & { model: ComposeModel } {
  const f = fixture(source, URI, 'dockercompose');
  return Object.assign(f, { model: mode.parse(f.document) });
}

/** Diagnostics as `LINE: code: message` lines. */
export function lint(source: string, opts: Parameters<typeof ctx>[0] = {}): string[] {
  const f = compose(source);
  return diagnosticLines(mode.doValidation!(f.document, f.model, ctx(opts)));
}

/** Only the codes, `LINE: code`, for tests about which rule fires where. */
export function codes(source: string, opts: Parameters<typeof ctx>[0] = {}): string[] {
  return lint(source, opts).map((l) => l.split(': ').slice(0, 2).join(': '));
}

/** Completion labels at the `$0` marker. */
export function completionLabels(source: string): string[] {
  const f = compose(source);
  return mode.doComplete!(f.document, f.position, f.model, ctx()).items.map((i) => i.label);
}

/** The text after applying the completion item labelled `label` at the `$0` marker. */
export function applyCompletion(source: string, label: string): string {
  const f = compose(source);
  const item = mode.doComplete!(f.document, f.position, f.model, ctx()).items.find((i) => i.label === label);
  if (!item) throw new Error(`no completion item ${label}`);
  const edit = item.textEdit as { range: import('vscode-languageserver-types').Range; newText: string };
  return applyEdits(f.document, [edit]);
}

/** The hover markdown at the `$0` marker, or null. */
export function hoverText(source: string): string | null {
  const f = compose(source);
  const h = mode.doHover!(f.document, f.position, f.model, ctx());
  return h ? (h.contents as { value: string }).value : null;
}
