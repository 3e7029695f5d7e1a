import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as vscode from 'vscode';
import { languageClientLog } from '../../../client/src/languageClientLog';

/** A LogOutputChannel that records `level: text` (only what languageClientLog calls). */
function recorder(): { log: vscode.LogOutputChannel; lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (text: string) => void lines.push(`${level}: ${text}`);
  const log = { name: 'Docker Networking', trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { log: log as unknown as vscode.LogOutputChannel, lines };
}

/** #20: one format in the output channel, the language client's lines included. */
describe('the language client writing into the log channel', () => {
  it('turns the client\'s "[Level - time]" prefix into the line\'s level; data lines keep it', () => {
    const { log, lines } = recorder();
    const out = languageClientLog(log);
    out.appendLine('[Info  - 13:04:05] Docker Networking Language Server started');
    out.appendLine('[Error - 13:04:06] Request textDocument/hover failed.');
    out.appendLine('  Message: boom');
    out.appendLine('[Warn  - 1:04:07 PM] slow');
    assert.deepEqual(lines, ['info: Docker Networking Language Server started', 'error: Request textDocument/hover failed.', 'error:   Message: boom', 'warn: slow']);
  });

  it('logs the server\'s stderr line by line, however it is cut into chunks', () => {
    const { log, lines } = recorder();
    const out = languageClientLog(log);
    out.append('first li');
    out.append('ne\nsecond line\r\n\nthi');
    out.append('rd\n');
    assert.deepEqual(lines, ['warn: first line', 'warn: second line', 'warn: third']);
  });
});
