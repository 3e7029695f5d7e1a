import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentHighlight,
  DocumentSymbol,
  Hover,
  Location,
  Position,
  Range,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { FileKind } from './fileKinds';
import type { LiveNetwork } from './protocol';
import type { Settings } from './settings';
import type { EngineVersion } from './utils/engineVersion';

/**
 * What a mode may know beyond the document: settings, the target Engine version and,
 * when the client is connected to an Engine, its live networks. Plain data, so modes
 * are tested without a server.
 */
export interface ModeContext {
  settings: Settings;
  /** The Engine version verdicts follow (setting, else connected Engine, else newest known). */
  engineVersion: EngineVersion;
  /** True when `engineVersion` came from an explicit setting or a connected Engine. */
  engineVersionKnown: boolean;
  /** Live networks of the connected Engine, if the client could provide them. */
  liveNetworks?: readonly LiveNetwork[];
}

/**
 * One mode per file kind, after VS Code's html-language-features `languageModes.ts`.
 * Every feature is a plain function over the document, its cached parse and the
 * context; it returns LSP types (from vscode-languageserver-types) and never imports
 * `vscode` or `vscode-languageserver`. Optional features are simply left out.
 *
 * `P` is the mode's parse result, cached by the server per URI and document version.
 */
export interface LanguageMode<P = unknown> {
  readonly kind: FileKind;
  /**
   * @param previous the parse of an earlier version of the same document, for modes
   *   that re-parse only what changed; they must check what they take over from it
   */
  parse(document: TextDocument, previous?: P): P;
  doValidation?(document: TextDocument, parsed: P, ctx: ModeContext): Diagnostic[];
  doComplete?(document: TextDocument, position: Position, parsed: P, ctx: ModeContext): CompletionList;
  doHover?(document: TextDocument, position: Position, parsed: P, ctx: ModeContext): Hover | null;
  getCodeActions?(document: TextDocument, range: Range, diagnostics: Diagnostic[], parsed: P, ctx: ModeContext): CodeAction[];
  findDefinition?(document: TextDocument, position: Position, parsed: P, ctx: ModeContext): Location[];
  findReferences?(document: TextDocument, position: Position, parsed: P, ctx: ModeContext): Location[];
  findDocumentHighlights?(document: TextDocument, position: Position, parsed: P, ctx: ModeContext): DocumentHighlight[];
  findDocumentSymbols?(document: TextDocument, parsed: P, ctx: ModeContext): DocumentSymbol[];
  prepareRename?(document: TextDocument, position: Position, parsed: P, ctx: ModeContext): { range: Range; placeholder: string } | null;
  doRename?(document: TextDocument, position: Position, newName: string, parsed: P, ctx: ModeContext): WorkspaceEdit | null;
  /** Characters that should open completion in this kind of file. */
  readonly triggerCharacters?: readonly string[];
  /**
   * A small representative document the server runs every feature on once, right after
   * start, so that the first real document does not pay for lazy tables and cold code
   * (a first validation costs up to ten times a warm one).
   */
  readonly warmUpSample?: string;
}

/** Every diagnostic the extension produces carries this source. */
export const DIAGNOSTIC_SOURCE = 'docker-networking';
