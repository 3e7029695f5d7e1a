import type { Node } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, type ModeContext } from '../languageMode';
import { type EngineVersion, formatEngineVersion } from '../../shared/engineVersion';
import { type DaemonJsonDocument, properties, type Property } from './parseDaemonJson';

/** What a quick fix does, carried in `Diagnostic.data` so code actions never re-parse messages. */
export type Fix =
  | { kind: 'renameKey'; to: string; wrapInArray?: boolean }
  | { kind: 'replaceValue'; to: unknown }
  | { kind: 'removeProperty' }
  | { kind: 'moveIntoObject'; object: string };

export interface DiagnosticData {
  fixes: { title: string; fix: Fix }[];
}

/** Everything a rule sees. Rules are plain functions `(rc) => Diagnostic[]`. */
export interface RuleContext {
  document: TextDocument;
  parsed: DaemonJsonDocument;
  version: EngineVersion;
  /** "20.10" — what messages call the target. */
  versionText: string;
  platform: 'linux' | 'windows';
  mode: ModeContext;
  /** The top-level properties in document order, read once per validation run. */
  topProperties: readonly Property[];
  /** The last property of each top-level key (Go's decoder keeps the last duplicate). */
  top: ReadonlyMap<string, Property>;
}

/** A rule over the whole document; it runs on every validation. */
export type Rule = (rc: RuleContext) => Diagnostic[];

/**
 * A rule that judges each top-level property by itself: from its own text, the target
 * Engine version and the platform, never from other keys. Its verdicts on a property
 * are kept between edits while the property's text is unchanged (runRules.ts).
 */
export interface PropertyRule {
  name: string;
  perProperty: (rc: RuleContext, prop: Property) => Diagnostic[];
}

/**
 * A rule that reads only the top-level keys it names (their last occurrences), and
 * reports only inside them. It runs with a context that holds just those keys, and
 * its verdicts are kept between edits while their text is unchanged (runRules.ts).
 */
export interface KeysRule {
  name: string;
  keys: readonly string[];
  run: Rule;
}

export type DaemonJsonRule = Rule | PropertyRule | KeysRule;

export function ruleContext(document: TextDocument, parsed: DaemonJsonDocument, mode: ModeContext): RuleContext {
  const topProperties = properties(parsed.object);
  const top = new Map<string, Property>();
  for (const p of topProperties) top.set(p.name, p);
  return {
    topProperties,
    top,
    document,
    parsed,
    version: mode.engineVersion,
    versionText: formatEngineVersion(mode.engineVersion),
    platform: mode.settings.daemonJson.platform,
    mode,
  };
}

/** The value of the top-level key `name` (its last occurrence). */
export function topValue(rc: RuleContext, name: string): Node | undefined {
  return rc.top.get(name)?.value;
}

export function nodeRange(document: TextDocument, node: Node | { offset: number; length: number }): Range {
  return { start: document.positionAt(node.offset), end: document.positionAt(node.offset + node.length) };
}

export type Severity = 'error' | 'warning' | 'info';
const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function diag(
  rc: RuleContext,
  at: Node | { offset: number; length: number },
  severity: Severity,
  code: string,
  message: string,
  fixes?: DiagnosticData['fixes'],
): Diagnostic {
  const d: Diagnostic = { range: nodeRange(rc.document, at), severity: SEVERITY[severity], code, source: DIAGNOSTIC_SOURCE, message };
  if (fixes && fixes.length > 0) d.data = { fixes } satisfies DiagnosticData;
  return d;
}

/** The string value of a node, or undefined for non-strings. */
export function stringValue(node: Node | undefined): string | undefined {
  return node && node.type === 'string' ? (node.value as string) : undefined;
}

/** The string items of an array node, with their nodes. */
export function stringItems(node: Node | undefined): { node: Node; value: string }[] {
  const out: { node: Node; value: string }[] = [];
  if (!node || node.type !== 'array' || !node.children) return out;
  for (const c of node.children) if (c.type === 'string') out.push({ node: c, value: c.value as string });
  return out;
}
