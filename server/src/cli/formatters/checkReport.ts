import * as path from 'path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { FileReport } from '../checkFile';
import { fixesOf } from '../../diagnostics';

/** What a formatter prints: the files checked (sorted by path) and how. */
export interface CheckReport {
  /** Paths are printed relative to this folder (#21: stable output, the same on every machine). */
  cwd: string;
  files: FileReport[];
  /** "MAJOR.MINOR" the verdicts followed. */
  engineVersion: string;
  /** The CLI's version (package.json). */
  toolVersion: string;
}

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';

export function severityName(d: Diagnostic): SeverityName {
  switch (d.severity) {
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Information:
      return 'info';
    case DiagnosticSeverity.Hint:
      return 'hint';
    default:
      return 'error';
  }
}

/** A path as printed: relative to the current folder, with `/` on every platform. */
export function displayPath(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  /** Problems a safe fix (`--fix`) would remove. */
  fixable: number;
}

export function countProblems(files: readonly FileReport[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0, fixable: 0 };
  for (const f of files) {
    for (const d of f.diagnostics) {
      const s = severityName(d);
      if (s === 'error') c.errors++;
      else if (s === 'warning') c.warnings++;
      else c.infos++;
      if (fixesOf(d).some((f) => f.safe === true)) c.fixable++;
    }
  }
  return c;
}

/** Titles of the fixes a diagnostic offers, and of those `--fix` would apply. */
export function fixTitles(d: Diagnostic): string[] {
  return fixesOf(d).map((f) => f.title);
}

export function safeFixTitles(d: Diagnostic): string[] {
  return fixesOf(d)
    .filter((f) => f.safe === true)
    .map((f) => f.title);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
