import * as l10n from '@vscode/l10n';

/**
 * Which of several Engines the diagnostics follow (#22), in words, without `vscode`
 * (test/unit/status/targetEngineText.test.ts); engineVersionStatus.ts puts them on screen.
 */

/** An Engine as the status item offers it. */
export interface EngineChoice {
  id: string;
  name: string;
  host?: string;
  current: boolean;
  target: boolean;
  /** The session's state; undefined while it was never started. */
  state?: 'connecting' | 'connected' | 'unreachable';
}

/** " · alpha" after the status text when there is more than one Engine; nothing with one. */
export function targetEngineSuffix(engines: readonly EngineChoice[] | undefined): string {
  const t = engines && engines.length > 1 ? engines.find((e) => e.target) : undefined;
  return t ? ` · ${t.name}` : '';
}

/** The tooltip's sentence about the target, with more than one Engine. */
export function targetEngineTooltip(engines: readonly EngineChoice[] | undefined): string | undefined {
  const t = engines && engines.length > 1 ? engines.find((e) => e.target) : undefined;
  if (!t) return undefined;
  return t.current ? l10n.t('Diagnostics follow the Engine "{0}", the current docker context.', t.name) : l10n.t('Diagnostics follow the Engine "{0}", picked instead of the current docker context.', t.name);
}

export interface TargetEngineItem {
  id: string;
  label: string;
  description: string;
  detail?: string;
}

/** The quick pick's rows that switch the target, one per Engine (the target checked), with more than one. */
export function targetEngineItems(engines: readonly EngineChoice[] | undefined): TargetEngineItem[] {
  if (!engines || engines.length < 2) return [];
  return engines.map((e) => {
    const parts = [e.current ? l10n.t('current') : undefined, e.state === 'connected' ? l10n.t('connected') : e.state === 'unreachable' ? l10n.t('unreachable') : e.state === 'connecting' ? l10n.t('connecting…') : l10n.t('not connected yet')].filter((p): p is string => p !== undefined);
    return { id: e.id, label: `${e.target ? '$(check) ' : ''}${l10n.t('Follow the Engine "{0}"', e.name)}`, description: parts.join(' · '), detail: e.host };
  });
}
