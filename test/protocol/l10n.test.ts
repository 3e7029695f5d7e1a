import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import type { InitializationOptions } from '../../server/src/shared/protocol';
import { REPO_ROOT, useServer } from '../util/lspClient';

/**
 * #23: the server started as VS Code starts it in Chinese (the display language and the
 * zh-CN bundle in initializationOptions) answers in Chinese for every file kind: a
 * diagnostic, its quick fix, a hover and a completion item's documentation. The texts are
 * the real bundle's and the schemas' `x-zh-cn` entries.
 */
const bundle = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));
const initializationOptions: InitializationOptions = { l10n: { language: 'zh-cn', bundle } };

/** Chinese text: Han characters, and no English sentence left over (three Latin words in a row outside code). */
function assertChinese(text: string, what: string): void {
  assert.match(text, /[\u4e00-\u9fff]/, `${what} is not Chinese: ${text}`);
  const prose = text.replace(/`[^`]*`|\[[^\]]*\]\([^)]*\)|```[\s\S]*?```|https?:\/\/\S+/g, '');
  assert.doesNotMatch(prose, /\b[A-Za-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b/, `${what} keeps English prose: ${text}`);
}

const CASES = [
  {
    kind: 'daemon.json',
    uri: 'file:///etc/docker/daemon.json',
    text: '{\n  "bipp": "172.30.0.1/16",\n  "mtu": 1400,\n  \n}\n',
    code: 'unknown-key',
    fix: '改为 "bip"',
    hover: { line: 2, character: 4 },
    hoverHas: 'MTU',
    complete: { line: 3, character: 2 },
    item: 'ip-masq',
  },
  {
    kind: 'Compose',
    uri: 'file:///srv/app/compose.yaml',
    text: 'services:\n  web:\n    image: nginx\n    networks: [frontend]\nnetworks:\n  front:\n    driver: bridge\n    \n',
    code: 'undefined-network',
    fix: undefined,
    hover: { line: 6, character: 6 },
    hoverHas: '网络驱动',
    complete: { line: 7, character: 4 },
    item: 'internal',
  },
  {
    kind: 'systemd drop-in',
    uri: 'file:///etc/systemd/system/docker.service.d/http-proxy.conf',
    text: '[Service]\nEnviroment="HTTP_PROXY=http://proxy.example.com:3128"\nEnvironment="NO_PROXY=localhost"\n\n',
    code: 'unknown-directive',
    fix: '改为 Environment',
    hover: { line: 2, character: 4 },
    hoverHas: '环境变量',
    complete: { line: 3, character: 0 },
    item: 'EnvironmentFile',
  },
];

describe('the server in Chinese (zh-CN bundle in initializationOptions, #23)', () => {
  const server = useServer({ settings: { validationDelay: 0 }, initializationOptions });

  for (const c of CASES) {
    it(`${c.kind}: a diagnostic, its quick fix, a hover and a completion item in Chinese`, async () => {
      const client = server();
      client.open(c.uri, c.text);
      const diags: Diagnostic[] = await client.diagnosticsFor(c.uri, 1);
      const diag = diags.find((d) => d.code === c.code);
      assert.ok(diag, `no ${c.code} in ${JSON.stringify(diags)}`);
      assertChinese(diag.message, `the ${c.code} message`);
      if (c.fix) {
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: c.uri }, range: diag.range, context: { diagnostics: [diag] } });
        assert.ok(actions.some((a) => a.title === c.fix), `no action "${c.fix}" in ${JSON.stringify(actions.map((a) => a.title))}`);
      }
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: c.uri }, position: c.hover });
      const hoverText = (hover.contents as { value: string }).value;
      assert.ok(hoverText.includes(c.hoverHas), `hover lacks ${c.hoverHas}: ${hoverText}`);
      assertChinese(hoverText, 'the hover');
      const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: c.uri }, position: c.complete });
      const item = list.items.find((i) => i.label === c.item);
      assert.ok(item, `no completion ${c.item} in ${JSON.stringify(list.items.map((i) => i.label))}`);
      const resolved = item.documentation ? item : await client.request<CompletionItem>('completionItem/resolve', item);
      const doc = resolved.documentation;
      assertChinese(typeof doc === 'string' ? doc : doc?.value ?? '', `the documentation of ${c.item}`);
      client.close(c.uri);
    });
  }
});
