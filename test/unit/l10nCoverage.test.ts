import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../util/l10nBundles';
import { sourcesUnder, untranslatedTextsOf, type UntranslatedText } from '../util/untranslatedTexts';

/**
 * #23: no English sentence reaches the user past `l10n.t`. The finder (test/util/untranslatedTexts.ts)
 * reports prose literals outside `l10n.t` calls and log lines in client/src and server/src; the
 * CLI's own output (server/src/cli/) stays English (README says so). What it reports but no user
 * reads as English prose is listed here, each with why.
 */
const NOT_SHOWN: ReadonlyArray<{ file: string; text: string; why: string }> = [
  { file: 'client/src/engine/engineSession.ts', text: 'not connected within', why: 'whenConnected() is for the integration tests; the view shows the session state' },
  { file: 'client/src/engine/jsonLines.ts', text: 'not a JSON object', why: 'goes only into the log line "Skipped an unreadable event"' },
  { file: 'client/src/extension.ts', text: 'Docker Networking', why: "the output channel's name is the extension's name, which package.nls keeps in every language" },
  { file: 'server/src/loadWithCodeCache.ts', text: '(function (exports', why: "Node's module wrapper, code" },
  { file: 'server/src/modes/compose/codeActions.ts', text: '\n    external: true', why: 'YAML a fix inserts' },
  { file: 'server/src/modes/compose/codeActions.ts', text: '\n{}  external: true', why: 'YAML a fix inserts' },
  { file: 'server/src/modes/daemonJson/complete.ts', text: '"{}": { "Name"', why: 'a JSON snippet a completion inserts' },
  { file: 'server/src/modes/daemonJson/daemonSchema.ts', text: 'bad version in data', why: 'a broken data file, caught by the tests before release' },
  { file: 'server/src/shared/engineVersion.ts', text: 'bad version in data', why: 'a broken data file, caught by the tests before release' },
  { file: 'server/src/modes/daemonJson/valueRules.ts', text: 'unknown check', why: 'a broken data file, caught by the tests before release' },
  { file: 'server/src/shared/dataFile.ts', text: 'Data file ', why: 'a broken package, caught by the package test; it stops the server, whose start failure is logged' },
  { file: 'server/src/modes/host/restartPending.ts', text: 'sudo systemctl', why: 'the command line the user copies' },
  { file: 'server/src/modes/systemdDropin/complete.ts', text: 'Suggest', why: "the title of a completion item's command (editor.action.triggerSuggest), never shown" },
  // Go's net/url error texts, verbatim (proxyUrl.ts follows Go's parser): messages quote them
  // in parentheses, as dockerd's own log would show them.
  ...['invalid URL escape', 'missing protocol scheme', 'invalid control character in URL', 'first path segment in URL', 'net/url: invalid userinfo', "missing ']' in host", 'invalid port', 'invalid character'].map((text) => ({
    file: 'server/src/modes/systemdDropin/proxyUrl.ts',
    text,
    why: "Go's own error text, quoted",
  })),
  ...['Code cache: ', 'V8 rejected the cached code', 'no cached code yet'].map((text) => ({ file: 'server/src/server.ts', text, why: 'the log line describeCodeCache() returns' })),
  { file: 'server/src/warmUp.ts', text: '{"debug": true', why: 'a warm-up sample document' },
  { file: 'server/src/warmUp.ts', text: 'services:', why: 'a warm-up sample document' },
];

function findings(): UntranslatedText[] {
  const files = [...sourcesUnder(REPO_ROOT, 'client/src'), ...sourcesUnder(REPO_ROOT, 'server/src', ['server/src/cli'])];
  return files
    .flatMap((f) => untranslatedTextsOf(f, fs.readFileSync(path.join(REPO_ROOT, f), 'utf8')))
    .filter((u) => !NOT_SHOWN.some((n) => n.file === u.file && u.text.startsWith(n.text)));
}

describe('texts a user reads go through l10n.t', () => {
  it('client/src and server/src write no English prose past l10n.t', () => {
    assert.deepEqual(findings().map((u) => `${u.file}:${u.line}: ${JSON.stringify(u.text)}`), []);
  });
});

describe('the finder of untranslated texts', () => {
  const found = (source: string): string[] => untranslatedTextsOf('x.ts', source).map((u) => u.text);

  it('reports sentences, and single words where the user reads them', () => {
    assert.deepEqual(
      found(`
        void vscode.window.showWarningMessage(\`Remove network "\${n}"?\`, { modal: true }, 'Disconnect');
        item.tooltip = 'Click to choose the Engine version.';
        const choice = { kind: 'separator', label: 'Releases' };
        throw new RefusedError(\`"\${name}" is a built-in network.\`);
        const ok = vscode.l10n.t(cond ? 'Yes' : 'No');
      `),
      ['Remove network "{}"?', 'Disconnect', 'Click to choose the Engine version.', 'Releases', '"{}" is a built-in network.', 'l10n.t(cond ? \'Yes\' : \'No\'): the message must be a plain string literal'],
    );
  });

  it('passes ids, setting names, values, codicons, code, log lines and l10n.t calls', () => {
    assert.deepEqual(
      found(`
        import * as vscode from 'vscode';
        vscode.commands.registerCommand('dockerNetworking.networks.showSubnetMap', run);
        item.text = \`$(sync~spin) \${vscode.l10n.t('Connecting to {0}…', host)}\`;
        item.name = vscode.l10n.t('Docker: restart pending');
        const flags = [{ label: 'internal' }, { label: 'IPv6' }, { label: 'IPAM', description: 'bridge' }];
        if (key === 'Environment' || section === 'Service') return 'dockerNetworking.engineVersion';
        output.info(\`Connected to Docker Engine \${v} at \${host}\`);
        runSafe(logger, 'computing code lenses', [], token, fn);
        const page = '<style>button { border: 1px solid transparent; }</style><h1>' + title + '</h1>';
        type Kind = 'not a sentence either';
      `),
      [],
    );
  });
});
