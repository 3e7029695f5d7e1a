import type * as vscode from 'vscode';

/** Log levels of a LogOutputChannel, by the name vscode-languageclient writes in its prefix. */
type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error';

const PREFIX = /^\[(Trace|Debug|Info|Warn|Error)\s*- [^\]]*\]\s?/;

/**
 * The output channel given to vscode-languageclient, writing into our LogOutputChannel.
 *
 * vscode-languageclient 9 writes plain lines that carry their own `[Info  - 13:04:05]`
 * prefix (client.js `logOutputMessage`), and the server's stderr through `append`. Into a
 * LogOutputChannel as they are, each would get a second time stamp and level, so that the
 * channel mixed `[info] [Info - …]` with plain lines (#20). Here the prefix becomes the
 * line's level, the lines that follow a header (its data) keep that level, and stderr text
 * is logged line by line as warnings.
 */
export function languageClientLog(log: vscode.LogOutputChannel): vscode.OutputChannel {
  let level: Level = 'info';
  let partial = '';
  const write = (lvl: Level, text: string): void => {
    if (text.trim() !== '') log[lvl](text);
  };
  const appendLine = (line: string): void => {
    const m = PREFIX.exec(line);
    if (m) level = m[1].toLowerCase() as Level;
    write(level, m ? line.slice(m[0].length) : line);
  };
  return {
    name: log.name,
    appendLine,
    append(text: string): void {
      // stderr of the server, in chunks that need not end at a line break.
      const lines = (partial + text).split(/\r?\n/);
      partial = lines.pop() ?? '';
      for (const line of lines) write('warn', line);
    },
    replace(text: string): void {
      log.replace(text);
    },
    clear: () => log.clear(),
    show: (a?: unknown, b?: boolean) => (typeof a === 'boolean' ? log.show(a) : log.show(b)),
    hide: () => log.hide(),
    dispose: () => undefined, // the channel belongs to the extension, not to one client
  } as vscode.OutputChannel;
}
