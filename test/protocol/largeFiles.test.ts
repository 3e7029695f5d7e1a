import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LspClient, useServer } from '../util/lspClient';

/**
 * Files above `dockerNetworking.maxFileSizeKB` (#15): one information diagnostic that
 * says so and names the setting, nothing else checked, and empty answers to every
 * other request, all of them quick (a 10 MB Compose file takes seconds to parse in full).
 */
const MB = 1024 * 1024;

/** A Compose file of about `mb` MB: many services, each on an undeclared network (an error when checked in full). */
function bigCompose(mb: number): string {
  const one = (i: number) => `  svc${i}:\n    image: busybox\n    networks: [undeclared${i}]\n`;
  const parts = ['services:\n'];
  let size = parts[0].length;
  for (let i = 0; size < mb * MB; i++) {
    const s = one(i);
    parts.push(s);
    size += s.length;
  }
  return parts.join('');
}

/** A daemon.json of about `mb` MB with a comment (strict JSON: an error) and a bad label (a value rule: not checked when large). */
function bigDaemonJson(mb: number): string {
  const count = Math.ceil((mb * MB) / 40);
  const labels = Array.from({ length: count }, (_, i) => `    "com.example.label-${i}=v"`).join(',\n');
  return `{\n  // a comment\n  "labels": [\n    "no-equals-sign",\n${labels}\n  ]\n}\n`;
}

/** A drop-in of about `mb` MB: a line without `=` and an unknown directive, neither checked when large. */
function bigDropin(mb: number): string {
  const line = '# padding padding padding padding padding padding padding\n';
  return `[Service]\nthis line has no equals sign\nEnvironmnt=A=b\n${line.repeat(Math.ceil((mb * MB) / line.length))}`;
}

describe('files above the size limit', () => {
  const server = useServer();

  const codes = (diags: { code?: string | number }[]) => diags.map((d) => String(d.code));

  it('a 10 MB Compose file gets one information diagnostic and empty answers', async () => {
    const uri = 'file:///big/compose.yaml';
    server().open(uri, bigCompose(10), 'yaml');
    const diags = await server().diagnosticsFor(uri, 1);
    assert.deepEqual(codes(diags), ['file-too-large']);
    assert.equal(diags[0].severity, 3);
    assert.match(diags[0].message, /^This file is 10\.\d MB, more than dockerNetworking\.maxFileSizeKB \(256 KB\): Docker Networking does not check it/);
    const position = { line: 3, character: 17 };
    assert.deepEqual(await server().request('textDocument/completion', { textDocument: { uri }, position }), { isIncomplete: false, items: [] });
    assert.equal(await server().request('textDocument/hover', { textDocument: { uri }, position }), null);
    assert.deepEqual(await server().request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.deepEqual(await server().request('textDocument/definition', { textDocument: { uri }, position }), []);
    server().close(uri);
  });

  it('a large daemon.json is not checked', async () => {
    const uri = 'file:///big/etc/docker/daemon.json';
    server().open(uri, bigDaemonJson(3), 'json');
    const diags = await server().diagnosticsFor(uri, 1);
    assert.deepEqual(codes(diags), ['file-too-large']);
    server().close(uri);
  });

  it('a large drop-in is not checked', async () => {
    const uri = 'file:///big/etc/systemd/system/docker.service.d/http-proxy.conf';
    server().open(uri, bigDropin(2), 'plaintext');
    const diags = await server().diagnosticsFor(uri, 1);
    assert.deepEqual(codes(diags), ['file-too-large']);
    server().close(uri);
  });

  it('checks the same file in full once the setting is raised above its size', async () => {
    const raised = new LspClient({ settings: { validationDelay: 0, maxFileSizeKB: 5 * 1024 } });
    try {
      await raised.initialize();
      const uri = 'file:///big2/etc/docker/daemon.json';
      raised.open(uri, bigDaemonJson(3), 'json');
      const found = codes(await raised.diagnosticsFor(uri, 1));
      assert.ok(!found.includes('file-too-large'), found.join(', '));
      assert.ok(found.includes('json-comment') && found.includes('invalid-label'), found.join(', '));
    } finally {
      await raised.shutdown();
    }
  });
});
