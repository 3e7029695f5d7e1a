import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from '../languageMode';
import type { LegacyLanguageMode } from '../legacyMode';
import { completeDropin } from './completeDropin';
import { buildModel, type DropinModel } from './dropinModel';
import { dropinSymbols } from './dropinSymbols';
import { hoverDropin } from './hoverDropin';
import type { DiagnosticData } from './rules/rule';
import { validateDropin } from './validateDropin';

/**
 * The systemd drop-in mode: docker.service.d/*.conf and http-proxy.conf. Files in a
 * `.service.d/` folder that systemd never reads (not `*.conf`, or hidden) get a single
 * warning and no other diagnostics; other files that reach this mode (user patterns)
 * are validated as drop-ins.
 */
export const systemdDropinMode: LegacyLanguageMode<DropinModel> = {
  kind: 'systemdDropin',
  // Trigger characters are shared by every mode of the server: no '[' or ' ', which
  // would open completion all over JSON and YAML files.
  triggerCharacters: ['=', '"'],
  // Quoted and plain Environment= words take different paths through splitWords.ts.
  // Repeated so that every per-line function runs often enough for V8 to give it
  // inline caches (it does so lazily, after several calls): without that, the first
  // drop-in a user opens is parsed by colder code, about 1.7 times slower (#8). Each
  // block starts with empty Environment= and ExecStart= lines, so that the sample stays
  // a correct file (no variable or command set twice).
  warmUpSample:
    '[Service]\n' +
    (
      'Environment=\nEnvironment="HTTP_PROXY=http://proxy.example.com:3128" "NO_PROXY=localhost,127.0.0.1,10.0.0.0/8,.example.com"\n' +
      'Environment=HTTPS_PROXY=http://proxy.example.com:3128 LANG=C.UTF-8\nExecStart=\nExecStart=/usr/bin/dockerd\n'
    ).repeat(16),
  parse(document: TextDocument, previous?: DropinModel): DropinModel {
    return buildModel(document, previous);
  },
  doValidation(document, parsed) {
    return validateDropin(document, parsed);
  },
  doComplete(document, position, parsed) {
    return completeDropin(document, position, parsed);
  },
  doHover(_document, position, parsed) {
    return hoverDropin(position, parsed);
  },
  findDocumentSymbols(document, parsed) {
    return dropinSymbols(document, parsed);
  },
  getCodeActions(document, _range, diagnostics: Diagnostic[]): CodeAction[] {
    const actions: CodeAction[] = [];
    for (const d of diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      for (const fix of (d.data as DiagnosticData | undefined)?.fixes ?? []) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: true,
          edit: { changes: { [document.uri]: fix.edits } },
        });
      }
    }
    return actions;
  },
};
