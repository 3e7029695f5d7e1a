import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { poll as pollEvery } from '../util/poll';

/**
 * Driving the real VS Code workbench (code-server's web build) through playwright-core.
 * Every wait is on a selector or a condition with a timeout; `poll` re-checks at a
 * short interval, never a fixed sleep. Selectors are VS Code 1.100's DOM classes.
 */

/** What test/tools/e2e.mjs hands over (url: the workbench page for folder); undefined outside it. */
export interface E2eEnv {
  url: string;
  folder: string;
  userDataDir: string;
  screenshots: string;
  vsix: string;
  /** VS Code's display language when not English (`--locale` of test/tools/e2e.mjs, #23). */
  locale?: string;
  /** The daemon.json the throw-away dockerd runs with, named in the machine setting localEngineFiles (#17); absent with DN_E2E_ENGINE=machine. */
  engineDaemonJson?: string;
}

export function e2eEnv(): E2eEnv | undefined {
  const url = process.env.DN_E2E_URL;
  const folder = process.env.DN_E2E_FOLDER;
  const userDataDir = process.env.DN_E2E_USER_DATA;
  const screenshots = process.env.DN_E2E_SCREENSHOTS;
  if (!url || !folder || !userDataDir || !screenshots) return undefined;
  return {
    url,
    folder,
    userDataDir,
    screenshots,
    vsix: process.env.DN_E2E_VSIX ?? '',
    locale: process.env.DN_E2E_LOCALE || undefined,
    engineDaemonJson: process.env.DN_E2E_ENGINE_DAEMON_JSON || undefined,
  };
}

/** Launch arguments that work for Debian's chromium as root in a container (no sandbox, no GPU, no background traffic). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.DN_E2E_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const POLL_MS = 200;

/** `poll` (test/util/poll.ts) at the UI's pace, every POLL_MS. */
export function poll<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs: number, describe: () => string | Promise<string>): Promise<T> {
  return pollEvery(probe, timeoutMs, describe, POLL_MS);
}

/** Text of an element with VS Code's non-breaking spaces made plain. */
export function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/\u00a0/g, ' ');
}

export class Workbench {
  private shot = 0;
  constructor(
    readonly page: Page,
    private readonly screenshotDir: string,
  ) {}

  /** A numbered screenshot of the whole page; `name` (without number) also for the README copies. */
  async screenshot(name: string, { exact = false } = {}): Promise<string> {
    const file = join(this.screenshotDir, exact ? `${name}.png` : `${String(++this.shot).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Opens the workbench page (a URL with `?folder=`, see test/tools/codeServer.mjs workbenchUrl). */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  }

  /** Accepts the workspace-trust dialog that a fresh profile shows for a new folder. */
  async acceptWorkspaceTrust(): Promise<void> {
    const yes = this.page.locator('.monaco-dialog-box').getByRole('button', { name: 'Yes, I trust the authors' });
    await yes.waitFor({ timeout: 90_000 });
    await this.screenshot('trust-dialog');
    await yes.click();
    await this.page.locator('.monaco-dialog-box').waitFor({ state: 'detached', timeout: 30_000 });
    // Restricted Mode's status-bar entry disappears once the folder is trusted.
    await poll(async () => (await this.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).count()) === 0, 30_000, () => 'Restricted Mode still shown');
  }

  /** Runs a command by its palette title (category included), choosing the exact entry. */
  async runCommand(title: string): Promise<void> {
    await this.closeWidgets();
    await this.page.keyboard.press('Control+Shift+P');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: 10_000 });
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ timeout: 15_000 });
    await row.click();
  }

  /**
   * The open quick pick (an extension's `showQuickPick`): checks its title, filters it with
   * `filter` and clicks the first row whose text matches `row`. Returns the title.
   */
  async pickQuickInput(filter: string, row: RegExp): Promise<string> {
    const widget = this.page.locator('.quick-input-widget');
    const input = widget.locator('.quick-input-box input');
    await input.waitFor({ timeout: 10_000 });
    const title = plain(await widget.locator('.quick-input-title').textContent());
    await input.fill(filter);
    const choice = widget.locator('.quick-input-list .monaco-list-row', { hasText: row }).first();
    await choice.waitFor({ timeout: 15_000 });
    await choice.click();
    await widget.waitFor({ state: 'hidden', timeout: 10_000 });
    return title;
  }

  /** The status bar entry whose text matches, once shown. */
  async statusItem(text: RegExp, timeoutMs = 30_000): Promise<Locator> {
    const item = this.page.locator('.statusbar-item', { hasText: text }).first();
    await item.waitFor({ timeout: timeoutMs });
    return item;
  }

  /** Quick open (Ctrl+P) by relative path; waits until its editor is active. */
  async openFile(relativePath: string): Promise<void> {
    const base = relativePath.split('/').pop() ?? relativePath;
    await this.closeWidgets();
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: 10_000 });
    await input.fill(relativePath);
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: base }).first();
    await row.waitFor({ timeout: 15_000 });
    const dir = relativePath.includes('/') ? relativePath.slice(0, relativePath.lastIndexOf('/')) : '';
    if (dir) {
      // The row of that folder's file: a recently opened file of the same name may rank first.
      const inDir = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: base }).filter({ hasText: dir }).first();
      await inDir.waitFor({ timeout: 15_000 });
      await inDir.click();
    } else {
      await this.page.keyboard.press('Enter');
    }
    await this.page.locator(`.tabs-container .tab.active[aria-label^="${base}"]`).waitFor({ timeout: 15_000 });
    await this.activeEditor().locator('.view-lines').waitFor({ timeout: 15_000 });
    await this.focusEditor();
  }

  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  async focusEditor(): Promise<void> {
    await this.activeEditor().locator('.view-lines').click({ position: { x: 2, y: 2 } });
  }

  /** The active editor's visible text, one entry per line in order. */
  async editorLines(): Promise<string[]> {
    // The DOM types are not in this project's lib; the callback runs in the page.
    return this.activeEditor().evaluate((editor: any) => {
      const lines = [...editor.querySelectorAll('.view-lines .view-line')] as Array<{ style: { top: string }; textContent: string | null }>;
      return lines
        .map((l) => ({ top: parseFloat(l.style.top || '0'), text: (l.textContent ?? '').replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text);
    });
  }

  /** Moves the cursor with Go to Line/Column (1-based line and column). */
  async gotoLine(line: number, column: number): Promise<void> {
    const cursorAt = this.page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` });
    // Twice at most: an edit still landing in the editor (a revert) can move the cursor
    // after Go to Line placed it; the second attempt finds the editor settled.
    for (let attempt = 1; ; attempt++) {
      await this.closeWidgets();
      await this.page.keyboard.press('Control+G');
      const input = this.page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ timeout: 10_000 });
      await input.fill(`:${line}:${column}`);
      await this.page.keyboard.press('Enter');
      await input.waitFor({ state: 'hidden', timeout: 10_000 });
      try {
        await cursorAt.waitFor({ timeout: attempt === 1 ? 5_000 : 10_000 });
        return;
      } catch (e) {
        if (attempt === 2) throw e;
      }
    }
  }

  /** True when the active editor's tab shows unsaved changes. */
  async activeEditorDirty(): Promise<boolean> {
    return (await this.page.locator('.tabs-container .tab.active.dirty').count()) > 0;
  }

  /**
   * The row of a tree whose text matches, scrolled into the rendered window, or undefined.
   * Lists render only the rows in view, so this scrolls from the top with the mouse wheel,
   * as a user would, until the row is rendered or the list ends.
   */
  async revealTreeRow(container: Locator, text: string | RegExp, level?: number): Promise<Locator | undefined> {
    const rows = container.locator('.monaco-list-row');
    // `level`: only a row at that depth (aria-level, 1 for a root). The rendered rows are not in
    // the DOM in list order, so "the first match" alone cannot tell a row from a deeper namesake.
    const candidates = level === undefined ? rows : container.locator(`.monaco-list-row[aria-level="${level}"]`);
    const window = async (): Promise<string> => `${await rows.first().getAttribute('data-index')}-${await rows.last().getAttribute('data-index')}`;
    await container.locator('.monaco-list').first().hover();
    await this.page.mouse.wheel(0, -1_000_000);
    for (let page = 0; page < 500; page++) {
      const match = candidates.filter({ hasText: text });
      if ((await match.count()) > 0) return match.first();
      if ((await rows.count()) === 0) return undefined;
      const before = await window();
      await this.page.mouse.wheel(0, 200);
      // Wait (one poll at most 1 s) for the list to render the next rows; none: the end.
      const moved = await poll(async () => (await window()) !== before, 1_000, () => '').catch(() => false);
      if (!moved) return undefined;
    }
    return undefined;
  }

  /** Expands a collapsed tree row (a no-op when it is expanded already). */
  async expandTreeRow(row: Locator): Promise<void> {
    await row.waitFor({ timeout: 10_000 });
    if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
    await poll(async () => (await row.getAttribute('aria-expanded')) !== 'false', 10_000, () => 'tree row did not expand');
  }

  /** Escape until no quick input, suggest widget, hover or action list is showing. */
  async closeWidgets(): Promise<void> {
    const open = this.page.locator('.quick-input-widget:visible, .suggest-widget.visible, .monaco-hover:visible:not(.hidden), .action-widget:visible');
    for (let i = 0; i < 5 && (await open.count()) > 0; i++) await this.page.keyboard.press('Escape');
  }

  /** Ctrl+Space at the cursor; resolves with the rows' labels once the widget shows. */
  async triggerSuggest(): Promise<Locator> {
    await this.page.keyboard.press('Control+Space');
    const widget = this.page.locator('.suggest-widget.visible');
    await widget.waitFor({ timeout: 20_000 });
    // The widget first says "Loading..."; wait for rows or a final message ("No suggestions.").
    await poll(
      async () => {
        if ((await widget.locator('.monaco-list-row').count()) > 0) return true;
        const message = widget.locator('.message:visible');
        return (await message.count()) > 0 && !/Loading/i.test(plain(await message.first().textContent()));
      },
      20_000,
      () => 'suggest widget stayed empty',
    );
    return widget;
  }

  async suggestLabels(widget: Locator): Promise<string[]> {
    return (await widget.locator('.monaco-list-row .label-name').allTextContents()).map(plain);
  }

  /** Opens the details side panel of the focused suggestion (Ctrl+Space toggles it) and returns its text. */
  async suggestDetails(): Promise<string> {
    const details = this.page.locator('.suggest-details-container .suggest-details');
    if (!(await details.isVisible())) await this.page.keyboard.press('Control+Space');
    return poll(async () => {
      if (!(await details.isVisible())) return undefined;
      const t = plain(await details.textContent()).trim();
      return t.length > 0 ? t : undefined;
    }, 10_000, () => 'no suggestion details shown');
  }

  /**
   * "Show or Focus Hover" at the cursor (Ctrl+K Ctrl+I); waits until the active editor's
   * hover widget shows documentation containing `expect` and returns the documentation's text.
   * Only the widget's markdown parts count: a problem's message under the cursor is also
   * shown in that widget, and would echo the word the test points at (#14).
   */
  async hover(expect: string): Promise<string> {
    const show = async (): Promise<void> => {
      await this.page.keyboard.press('Control+K');
      await this.page.keyboard.press('Control+I');
    };
    await show();
    // VS Code drops a hover asked for while the document is still being reverted by the
    // step before (the request is cancelled by the change); ask again while none shows.
    let asked = Date.now();
    const docs = this.activeEditor().locator('[widgetid="editor.contrib.resizableContentHoverWidget"] .monaco-hover:not(.hidden) .markdown-hover .hover-contents');
    const widgetText = async (): Promise<string> => (await docs.allTextContents()).map(plain).join('\n');
    const squash = (s: string): string => s.replace(/\s+/g, ' ');
    return poll(async () => {
      const text = await widgetText();
      if (text.trim() === '' && Date.now() - asked > 2000) {
        await show();
        asked = Date.now();
      }
      return squash(text).includes(squash(expect)) ? text : undefined;
    }, 20_000, async () => `no hover documentation containing ${JSON.stringify(expect)}; the hover widget's documentation: ${JSON.stringify(await widgetText())}`);
  }

  /** Opens the Problems panel (if closed) and returns each problem row's text. */
  async problems(): Promise<string[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
      await panel.waitFor({ timeout: 10_000 });
    }
    // One read of all rows: the list re-renders while diagnostics change.
    const texts = await panel.locator('.monaco-list-row').evaluateAll((rows: any[]) => rows.map((r) => String(r.getAttribute('aria-label') || r.textContent || '')));
    return texts.map(plain);
  }

  /** Waits until the Problems panel shows rows matching every pattern; returns all rows. */
  async waitForProblems(patterns: RegExp[], timeoutMs = 60_000): Promise<string[]> {
    let last: string[] = [];
    return poll(async () => {
      last = await this.problems();
      return patterns.every((p) => last.some((t) => p.test(t))) ? last : undefined;
    }, timeoutMs, () => `Problems panel lacks ${patterns.filter((p) => !last.some((t) => p.test(t))).join(', ')}; rows: ${JSON.stringify(last, null, 1)}`);
  }

  /** Ctrl+. at the cursor; picks the action whose text matches. */
  async applyQuickFix(title: RegExp): Promise<string> {
    await this.page.keyboard.press('Control+.');
    const list = this.page.locator('.action-widget');
    await list.waitFor({ timeout: 20_000 });
    const item = list.locator('.monaco-list-row.action', { hasText: title }).first();
    await item
      .waitFor({ timeout: 20_000 })
      .catch(async () => Promise.reject(new Error(`no quick fix matching ${title}; offered: ${JSON.stringify(await list.locator('.monaco-list-row').allTextContents())}`)));
    const text = plain(await item.textContent());
    // The action list sits under a pointer-blocking overlay: choose it with the keyboard.
    const target = Number(await item.getAttribute('data-index'));
    for (let i = 0; i < 20; i++) {
      const focused = Number(await list.locator('.monaco-list-row.focused').first().getAttribute('data-index'));
      if (focused === target) break;
      await this.page.keyboard.press(focused < target ? 'ArrowDown' : 'ArrowUp');
    }
    await this.page.keyboard.press('Enter');
    await list.waitFor({ state: 'hidden', timeout: 10_000 });
    return text;
  }

  /** Error notifications currently shown (toasts and the notification center). */
  async errorNotifications(): Promise<string[]> {
    const rows = this.page.locator('.notifications-toasts .notification-list-item, .notifications-center .notification-list-item');
    const out: string[] = [];
    for (const r of await rows.all()) {
      if ((await r.locator('.codicon-error').count()) > 0) out.push(plain(await r.textContent()));
    }
    return out;
  }
}

/** All files under `dir` (recursively) whose name matches. */
export function findFiles(dir: string, name: RegExp): string[] {
  const out: string[] = [];
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) out.push(...findFiles(p, name));
    else if (name.test(entry)) out.push(p);
  }
  return out;
}

/**
 * Error entries in VS Code's logs that concern `extensionId` (activation failures,
 * uncaught errors from its code). A log entry starts with a timestamp line; stack
 * lines that follow belong to it.
 */
export function extensionErrorsInLogs(userDataDir: string, extensionId: string, extensionPathPart: string): string[] {
  const errors: string[] = [];
  for (const file of findFiles(join(userDataDir, 'logs'), /\.log$/)) {
    const entries = readFileSync(file, 'utf8').split(/\n(?=\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d)/);
    for (const e of entries) {
      if (!/\[error\]/.test(e)) continue;
      if (e.includes(extensionId) || e.includes(extensionPathPart)) errors.push(`${file}: ${e.slice(0, 2000)}`);
    }
  }
  return errors;
}
