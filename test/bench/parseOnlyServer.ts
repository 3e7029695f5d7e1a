/**
 * The floor of the benchmark: a language server that only parses. It speaks LSP over
 * stdio with incremental sync, re-parses a document on every change (the `yaml`
 * package's parseDocument for YAML, jsonc-parser's parseTree for JSON, the unit-file
 * parse of parseUnitFile.ts for anything else), keeps the latest parse per document
 * as a real server would, and publishes empty diagnostics at once (no debounce). Its latencies and resident memory
 * are what any server built on the same libraries pays before doing any real work.
 *
 * Run as `node parseOnlyServer.js --stdio` (the benchmark bundles it with esbuild so it
 * loads like our bundled server).
 */
import { createConnection, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseFloor } from './floor';

const connection = createConnection();
const documents = new TextDocuments(TextDocument);
const parses = new Map<string, unknown>();

connection.onInitialize(() => ({
  capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
  serverInfo: { name: 'parse-only' },
}));

documents.onDidChangeContent((e) => {
  const doc = e.document;
  parses.set(doc.uri, parseFloor(doc.uri, doc.getText()));
  void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [] });
});
documents.onDidClose((e) => {
  parses.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
