import * as l10n from '@vscode/l10n';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from './modes/daemonJson/parse';
import { pendingChanges, RESTART_COMMAND } from './modes/host/restartPending';
import type { EngineInfo, RestartPending } from './shared/protocol';
import { checkRunningDaemon } from './shared/runningDaemon';

export interface RestartPendingOptions {
  /**
   * The daemon.json (URI) the local Engine runs with, when the machine's files may be
   * read: the one the machine setting `localEngineFiles` names, else /etc's (or rootless).
   */
  daemonJson(): string | undefined;
  /** Its text as saved on disk. */
  readSaved(uri: string): string | undefined;
  engineInfo(): EngineInfo;
  send(p: RestartPending): void;
}

/**
 * "Restart pending" (#17): the machine's saved daemon.json against what the local running
 * dockerd reports in /info (host/restartPending.ts). Recomputed when the client pushes
 * the Engine state and when a file is saved or changes on disk (the server watches the
 * machine's files, which lie outside the workspace); the client is told only
 * when the verdict changes (a status bar item), and a CodeLens on the file repeats it.
 * Only for an Engine reached over a local socket: a remote Engine has its own files.
 */
export class RestartPendingWatch {
  private last: RestartPending = { settings: [], command: RESTART_COMMAND };
  private lastKey = '';

  constructor(private readonly o: RestartPendingOptions) {}

  get current(): RestartPending {
    return this.last;
  }

  update(): void {
    const next = this.compute();
    const key = JSON.stringify(next);
    if (key === this.lastKey) return;
    this.lastKey = key;
    this.last = next;
    this.o.send(next);
  }

  private compute(): RestartPending {
    const none: RestartPending = { settings: [], command: RESTART_COMMAND };
    const info = this.o.engineInfo();
    const running = info.local === true ? checkRunningDaemon(info.daemon) : undefined;
    const uri = this.o.daemonJson();
    if (!running || !uri) return none;
    const text = this.o.readSaved(uri);
    if (text === undefined) return none;
    const doc = TextDocument.create(uri, 'json', 0, text);
    const model = parse(doc);
    // dockerd would not start with a file Go cannot parse: the diagnostics say so, nothing is pending.
    if (model.syntaxErrors.length > 0 || model.trailingCommas.length > 0 || model.comments.length > 0) return none;
    const settings = pendingChanges(model, running).map((c) => ({ key: c.key, line: c.node ? doc.positionAt(c.node.offset).line : undefined, saved: c.saved, running: c.running }));
    return { uri, settings, command: RESTART_COMMAND };
  }

  /** The CodeLens of a document: one at the top of the machine's daemon.json while a restart is pending. */
  lensesFor(uri: string): { line: number; title: string }[] {
    const p = this.last;
    if (p.settings.length === 0 || p.uri !== uri) return [];
    const keys = p.settings.map((s) => s.key).join(', ');
    return [{ line: 0, title: l10n.t('dockerd runs an older version of this file ({0}); run `{1}` (click to copy)', keys, p.command) }];
  }
}
