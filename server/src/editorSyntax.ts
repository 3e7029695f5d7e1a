import type { Diagnostic } from 'vscode-languageserver-types';
import type { FileKind } from './shared/fileKinds';

/**
 * Problems that the editor reports itself, so that a second message from us would say the
 * same thing twice (#20: VS Code's JSON service and ours both reported each syntax error of
 * daemon.json). VS Code's json-language-features validates every `json`/`jsonc` document
 * and always reports JSON syntax errors; it cannot be told to skip a file. So in VS Code
 * the JSON syntax of daemon.json is its job, and ours is what it does not say: comments
 * and trailing commas (which our `jsonValidation` schema, schemas/daemon-json-syntax.schema.json,
 * tells it to allow, since dockerd's reason and a quick fix come from us), and everything
 * dockerd-specific. The CLI and other LSP clients, which have no JSON service of their own,
 * keep every problem: the client opts in through `initializationOptions.jsonSyntaxFromEditor`.
 */
const LEFT_TO_EDITOR: Partial<Record<FileKind, ReadonlySet<string>>> = {
  // "End of file expected." is VS Code's word on data after the top-level object.
  daemonJson: new Set(['json-syntax', 'json-trailing-data']),
};

export function withoutEditorSyntax(kind: FileKind | undefined, diagnostics: Diagnostic[], editorReportsSyntax: boolean): Diagnostic[] {
  const codes = editorReportsSyntax && kind ? LEFT_TO_EDITOR[kind] : undefined;
  return codes ? diagnostics.filter((d) => !codes.has(String(d.code))) : diagnostics;
}
