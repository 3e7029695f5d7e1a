import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

/**
 * English prose written past `l10n.t` (#23): after the first translation, #20 added client
 * and server texts as plain literals and they stayed English in a Chinese VS Code. This
 * finds such texts syntactically (the TypeScript parser, no type checking), so
 * test/unit/l10nCoverage.test.ts fails on the next one.
 *
 * A string literal or template is prose when, outside codicons (`$(sync~spin)`), code spans
 * and HTML tags, it holds two words (a letter followed by lower-case letters: `Remove it`,
 * `Engine ${v} · connected`), or, where the user reads it directly (a message, a button,
 * a label, title, description, detail, tooltip, placeholder, prompt or status text), one
 * capitalised word (`Retry`, `Releases`). Ids, setting names, flags, values and acronyms are
 * one token with no such words (`dockerNetworking.engineVersion`, `internal`, `IPAM`).
 * Literals anywhere inside an `l10n.t(…)` call, import paths, literal types, and the
 * arguments of log calls (the log stays English, as VS Code's own logs) are not reported.
 */

/** Properties and assignment targets whose text the user reads (vscode.QuickPickItem, TreeItem, StatusBarItem, InputBox, …). */
const SINK_PROPERTIES = new Set(['label', 'description', 'detail', 'tooltip', 'title', 'placeHolder', 'placeholder', 'prompt', 'text', 'message', 'validationMessage', 'name', 'reason', 'advice']);
/** Calls whose string arguments the user reads. */
const SINK_CALLS = /^(show(Information|Warning|Error)Message|showQuickPick|showInputBox|createWebviewPanel|withProgress|setStatusBarMessage|TreeItem)$/;
/**
 * Calls that write a log line, English by design: the log channels, and the server's guards
 * whose text names the work in the "Error while …" line they log (utils/runner.ts, server.ts).
 */
const LOG_CALLS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'appendLine', 'logFailure', 'runSafe', 'runSafeAsync', 'withMode', 'formatError']);

export interface UntranslatedText {
  /** Repository-relative path with forward slashes. */
  file: string;
  line: number;
  text: string;
}

function calleeName(e: ts.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

function isL10nCall(n: ts.Node): n is ts.CallExpression {
  return ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 't' && /(^|\.)l10n$/.test(n.expression.expression.getText());
}

/** The literal's text with each `${…}` as `{}`. */
function literalText(n: ts.Node): string | undefined {
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
  if (ts.isTemplateExpression(n)) return n.head.text + n.templateSpans.map((s) => `{}${s.literal.text}`).join('');
  return undefined;
}

function words(text: string): string[] {
  const bare = text
    .replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/\$\([\w~-]+\)/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/<[^>]*>/g, ' ');
  return bare.split(/[\s,;:!?()"'·…—*[\]]+/).filter((w) => /^[A-Za-z][a-z]+\.?$/.test(w));
}

/** Whether the user reads the literal as it stands: climbs through ?:, ??, ||, + and arrays to its use. */
function inSink(n: ts.Node): boolean {
  let at: ts.Node = n;
  for (;;) {
    const p = at.parent;
    if (ts.isParenthesizedExpression(p) || ts.isArrayLiteralExpression(p) || ts.isAsExpression(p) || (ts.isConditionalExpression(p) && p.condition !== at) || ts.isTemplateSpan(p)) {
      at = ts.isTemplateSpan(p) ? p.parent : p;
      continue;
    }
    if (ts.isBinaryExpression(p) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(p.operatorToken.kind)) {
      at = p;
      continue;
    }
    if (ts.isPropertyAssignment(p) && p.initializer === at) return SINK_PROPERTIES.has(p.name.getText().replace(/['"]/g, ''));
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === at && ts.isPropertyAccessExpression(p.left)) return SINK_PROPERTIES.has(p.left.name.text);
    if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.expression !== at) return SINK_CALLS.test(calleeName(p.expression) ?? '');
    return false;
  }
}

/** Every English text of one source file that bypasses l10n.t, and every l10n.t whose message is no plain literal. */
export function untranslatedTextsOf(file: string, source: string): UntranslatedText[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const out: UntranslatedText[] = [];
  const report = (n: ts.Node, text: string): void => {
    out.push({ file, line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, text });
  };
  const visit = (n: ts.Node): void => {
    if (isL10nCall(n)) {
      // @vscode/l10n-dev extracts only a plain literal message: anything else never reaches the bundle.
      const first = n.arguments[0];
      if (first && !ts.isStringLiteral(first) && !ts.isNoSubstitutionTemplateLiteral(first)) report(first, `l10n.t(${first.getText(sf)}): the message must be a plain string literal`);
      return;
    }
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n) || ts.isLiteralTypeNode(n) || ts.isExternalModuleReference(n)) return;
    if ((ts.isCallExpression(n) || ts.isNewExpression(n)) && LOG_CALLS.has(calleeName(n.expression) ?? '')) return;
    const text = literalText(n);
    if (text !== undefined) {
      const w = words(text);
      if (w.length >= 2 || (w.length === 1 && /^[A-Z][a-z]{2,}\.?$/.test(w[0]) && inSink(n))) report(n, text);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** The TypeScript sources under `dir` (repository-relative), except the folders in `skip`. */
export function sourcesUnder(root: string, dir: string, skip: readonly string[] = []): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (!skip.includes(r)) walk(r);
      } else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(r);
    }
  };
  walk(dir);
  return out.sort();
}
