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
 * reads as English prose is listed here, by why.
 */
const NOT_SHOWN: ReadonlyArray<{ why: string; texts: Record<string, string[]> }> = [
  {
    why: 'code or a command line: what a fix or completion inserts, what the user copies, samples, wrappers',
    texts: {
      'server/src/loadWithCodeCache.ts': ['(function (exports'],
      'server/src/modes/compose/codeActions.ts': ['\n    external: true', '\n{}  external: true'],
      'server/src/modes/daemonJson/complete.ts': ['"{}": { "Name"'],
      'server/src/modes/host/restartPending.ts': ['sudo systemctl'],
      'server/src/warmUp.ts': ['{"debug": true', '"default-address-pools"', '"runtimes"', '# Docker behind a proxy', 'services:'],
    },
  },
  {
    why: 'a broken data file or package, caught by the tests before release',
    texts: {
      'server/src/modes/daemonJson/daemonSchema.ts': ['bad version in data'],
      'server/src/shared/engineVersion.ts': ['bad version in data'],
      'server/src/modes/daemonJson/valueRules.ts': ['unknown check'],
      'server/src/shared/dataFile.ts': ['Data file '],
    },
  },
  {
    why: 'log lines, or text only the tests read',
    texts: {
      'client/src/engine/jsonLines.ts': ['not a JSON object'],
      'client/src/engine/engineSession.ts': ['not {} within'],
      'server/src/server.ts': ['Code cache: ', 'V8 rejected the cached code', 'no cached code yet'],
    },
  },
  {
    why: "Go's net/url error texts, verbatim (proxyUrl.ts follows Go's parser), quoted in parentheses as dockerd's log shows them",
    texts: {
      'server/src/modes/systemdDropin/proxyUrl.ts': ['invalid URL escape', 'missing protocol scheme', 'invalid control character in URL', 'first path segment in URL', 'net/url: invalid userinfo', "missing ']' in host", 'invalid port', 'invalid character'],
    },
  },
  {
    why: "never shown as prose: the output channel's name is the extension's (package.nls keeps it in every language); a completion command's title",
    texts: { 'client/src/extension.ts': ['Docker Networking'], 'server/src/modes/systemdDropin/complete.ts': ['Suggest'] },
  },
];

function notShown(u: UntranslatedText): boolean {
  return NOT_SHOWN.some((group) => (group.texts[u.file] ?? []).some((text) => u.text.startsWith(text)));
}

function findings(): UntranslatedText[] {
  const files = [...sourcesUnder(REPO_ROOT, 'client/src'), ...sourcesUnder(REPO_ROOT, 'server/src', ['server/src/cli'])];
  return files
    .flatMap((f) => untranslatedTextsOf(f, fs.readFileSync(path.join(REPO_ROOT, f), 'utf8')))
    .filter((u) => !notShown(u));
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
