import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { StreamMessageReader, StreamMessageWriter, type Message } from 'vscode-languageserver/node';
import { OneWriteStdout } from '../../../server/src/stdioConnection';

/** The stdio output of the server (#14): vscode-jsonrpc's own writer, one write per message. */
describe('OneWriteStdout', () => {
  it("sends each message vscode-jsonrpc's writer writes as one write, framed as the base protocol says", async () => {
    const chunks: Buffer[] = [];
    const pipe = new PassThrough();
    const recorder = new Writable({
      write(chunk: Buffer, _enc, cb) {
        chunks.push(chunk);
        pipe.write(chunk, cb);
      },
    });
    const writer = new StreamMessageWriter(new OneWriteStdout(recorder));
    const messages: Message[] = [
      { jsonrpc: '2.0', id: 1, result: { contents: { kind: 'markdown', value: 'ünïcode `net` — 198.18.0.0/15' } } } as Message,
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', diagnostics: [] } } as Message,
    ];
    for (const m of messages) await writer.write(m);
    assert.equal(chunks.length, messages.length, 'one write each');
    for (const c of chunks) assert.match(c.toString('latin1'), /^Content-Length: \d+\r\n\r\n\{/);
    const read: Message[] = [];
    const reader = new StreamMessageReader(pipe);
    await new Promise<void>((resolve) =>
      reader.listen((m) => {
        read.push(m);
        if (read.length === messages.length) resolve();
      }),
    );
    assert.deepEqual(read, messages, "vscode-jsonrpc's reader reads them back");
    reader.dispose();
  });

  it('passes a failed write on to the writer, which reports it', async () => {
    const failing = new Writable({ write: (_c, _e, cb) => cb(new Error('EPIPE')) });
    failing.on('error', () => undefined);
    const writer = new StreamMessageWriter(new OneWriteStdout(failing));
    const errors: Error[] = [];
    writer.onError(([e]) => errors.push(e));
    await assert.rejects(writer.write({ jsonrpc: '2.0', id: 1, result: null } as Message));
    assert.match(errors[0]?.message ?? '', /EPIPE/);
  });
});
