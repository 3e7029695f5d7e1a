import * as l10n from '@vscode/l10n';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, type FixDescriptor, type OffsetRange, type Problem, type Severity } from './modes/languageMode';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic of ours carries in `data`: the fixes its problem offered, resolved at code-action time. */
export interface DiagnosticData {
  fixes: FixDescriptor[];
}

export function offsetRangeToRange(document: TextDocument, range: OffsetRange): Range {
  return { start: document.positionAt(range[0]), end: document.positionAt(range[1]) };
}

/**
 * At most this many diagnostics per document, after VS Code's JSON service
 * (`json.maxItemsComputed`): past it the Problems panel is no help, and sending, storing
 * and drawing them slows the editor (#15: a 1 MB line gave 10^5 problems).
 */
export const MAX_DIAGNOSTICS = 1000;

/**
 * The one conversion from a mode's problems to LSP diagnostics (#14). A mapping merged
 * into several places of a model (YAML anchors) can make a rule report the same problem
 * twice: it is one place in the text, so it is reported once. Different findings at one
 * place (daemon.json: a pool overlapping two earlier pools, TLS missing two certificate
 * paths) differ in their message and are all kept.
 */
export function toDiagnostics(document: TextDocument, problems: readonly Problem[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  let more = 0;
  let firstLeftOut: Problem | undefined;
  for (const p of problems) {
    const key = `${p.range[0]}:${p.range[1]}:${p.code}:${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (out.length === MAX_DIAGNOSTICS) {
      more++;
      firstLeftOut ??= p;
      continue;
    }
    const d: Diagnostic = {
      range: offsetRangeToRange(document, p.range),
      severity: SEVERITY[p.severity],
      code: p.code,
      source: DIAGNOSTIC_SOURCE,
      message: p.message,
    };
    if (p.tags?.length) d.tags = p.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
    if (p.related?.length) {
      d.relatedInformation = p.related.map(
        (r): DiagnosticRelatedInformation => ({
          location: { uri: document.uri, range: offsetRangeToRange(document, r.range) },
          message: r.message,
        }),
      );
    }
    if (p.fixes?.length) d.data = { fixes: p.fixes } satisfies DiagnosticData;
    out.push(d);
  }
  if (firstLeftOut) {
    out.push({
      range: offsetRangeToRange(document, [firstLeftOut.range[0], firstLeftOut.range[0]]),
      severity: DiagnosticSeverity.Information,
      code: 'too-many-problems',
      source: DIAGNOSTIC_SOURCE,
      message:
        more === 1
          ? l10n.t('1 more problem is not shown: only the first {0} of a file are listed. Fix these, and the rest appear.', MAX_DIAGNOSTICS)
          : l10n.t('{0} more problems are not shown: only the first {1} of a file are listed. Fix these, and the rest appear.', more, MAX_DIAGNOSTICS),
    });
  }
  return out;
}

/** The fixes a diagnostic of ours carries, or none for anything else (another source, foreign data). */
export function fixesOf(d: Diagnostic): FixDescriptor[] {
  if (d.source !== DIAGNOSTIC_SOURCE || !d.data || typeof d.data !== 'object') return [];
  const fixes = (d.data as Partial<DiagnosticData>).fixes;
  return Array.isArray(fixes) ? fixes.filter((f): f is FixDescriptor => !!f && typeof f === 'object' && typeof (f as FixDescriptor).title === 'string') : [];
}
