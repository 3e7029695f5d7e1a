import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CompletionList,
  DocumentHighlight,
  DocumentSymbol,
  Hover,
  Location,
  Position,
  Range,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { FileKind } from '../shared/fileKinds';
import type { EngineSwarm, LiveNetwork } from '../shared/protocol';
import type { Settings } from '../shared/settings';
import type { EngineVersion } from '../shared/engineVersion';

/**
 * The one shape every mode has (#14). A mode is a plain object of pure functions over
 * a document's parse; it knows the domain and nothing of LSP wiring. Modes import
 * neither `vscode` nor `vscode-languageserver` (the types packages are fine): the
 * compiler enforces it (server/src/modes/tsconfig.json).
 *
 * Files of a mode, the same in every mode (`modes/<kind>/`):
 *   parse.ts        the pure parse: document → model (no memo, no previous version)
 *   model.ts        the model's types and its sorted "spots" for position look-ups
 *   validate.ts     runs rules/index.ts
 *   rules/index.ts  every rule in reporting order; one rule per file
 *   complete.ts, hover.ts, codeActions.ts, navigation.ts, symbols.ts: one feature each
 *   <kind>Mode.ts   the façade below
 */

/** Start and end offsets into the document's text (end exclusive). */
export type OffsetRange = readonly [start: number, end: number];

/** Problem severities, as LSP has them. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/**
 * A place in the same file a problem points to besides its own range ("first declared
 * here"). Places in other files come with projects (#16), which know those files' texts.
 */
export interface RelatedLocation {
  range: OffsetRange;
  message: string;
}

/**
 * What a quick fix will do, said in the mode's own terms (which key to rename, which
 * network to declare), never as ready-made edits: the edits are computed when the user
 * asks for code actions, against the parse of the document as it is then
 * (`LanguageMode.resolveFix`), so a fix never lands on text that moved since validation.
 * It travels to the client and back in `Diagnostic.data`, so it must be plain JSON.
 */
export interface FixDescriptor {
  /** The quick fix's title, as the light bulb lists it. */
  title: string;
  /** The fix VS Code applies with "Fix" / auto-fix. */
  preferred?: boolean;
  /**
   * The fix takes no guess: the text after it means what the text before evidently meant
   * (an escape, a comment moved to its own line, a missing header or reset), so it may be
   * applied unseen. `docker-networking check --fix` applies only these (#21); a "did you
   * mean" rename or a chosen subnet is preferred at most, never safe.
   */
  safe?: boolean;
}

/** What a rule reports, in offsets; the server turns it into an LSP Diagnostic (server/src/diagnostics.ts). */
export interface Problem<F extends FixDescriptor = FixDescriptor> {
  range: OffsetRange;
  severity: Severity;
  /** Stable, kebab-case: users filter on it and tests assert it. */
  code: string;
  message: string;
  related?: RelatedLocation[];
  /** `unnecessary` greys the range out; `deprecated` strikes it through. */
  tags?: ('unnecessary' | 'deprecated')[];
  fixes?: F[];
}

/**
 * Read-only access to the files that matter beyond the open document: the workspace
 * folders' files of the three kinds and `.env` files, read lazily from disk and kept
 * current by the server's workspace index (server/src/workspaceIndex.ts). A mode
 * reads other files only through this, never from disk.
 */
export interface WorkspaceFiles {
  /** URIs of the indexed files, of one kind or of every kind (`.env` files have kind `env`). */
  list(kind?: FileKind | 'env'): readonly string[];
  /** The text of a file: the open document's when it is open, else the file on disk; undefined when it cannot be read. */
  read(uri: string): string | undefined;
  /**
   * Whether a file that `read` cannot give exists: false when it is missing (a Compose
   * project naming it is refused), true when it is there but unreadable or too large,
   * undefined when that cannot be told (outside what the workspace may look at).
   */
  exists?(uri: string): boolean | undefined;
  /**
   * Whether an absolute path exists on the machine the server runs on, asked for a path a
   * file names (a drop-in's ExecStart= program, #17). Answered only when `fileUri` is one
   * of this machine's own Docker host files (its /etc ones, or the ones the machine setting
   * `localEngineFiles` names); undefined otherwise: the files of a repository configure
   * another host, whose disk is not this one.
   */
  machinePathExists?(fileUri: string, path: string): boolean | undefined;
  /** The workspace folders' URIs (settings give paths relative to them); absent or empty without folders. */
  workspaceFolders?(): readonly string[];
  /**
   * The parse of a file by the mode of `kind`, as `read(uri)` reads it: the server keeps
   * it per text (an open document's per version), so a project of several files is not
   * parsed again on every keystroke (#16). Absent (a CLI, a test), the mode parses
   * `read(uri)` itself. Undefined when the file cannot be read.
   */
  parse?(uri: string, kind: FileKind): unknown;
  /**
   * A number that stays the same for as long as every answer of this workspace does, or
   * undefined when that cannot be promised. The CLI's workspace is a snapshot that changes
   * only when `--fix` rewrites a file; the server's files change under it at any time, and
   * it gives none. Memoised computations then trust what they read without asking again
   * (readsMemo.ts, #21).
   */
  revision?(): number | undefined;
}

/**
 * What a mode may know beyond the document: settings, the target Engine version, the
 * connected Engine's live networks and the workspace's other files. Plain data, so
 * modes are tested without a server.
 */
export interface ModeContext {
  settings: Settings;
  /** The Engine version verdicts follow (setting, else connected Engine, else newest known). */
  engineVersion: EngineVersion;
  /** True when `engineVersion` came from an explicit setting or a connected Engine. */
  engineVersionKnown: boolean;
  /** Live networks of the connected Engine, when the client is connected to one. */
  liveNetworks?: readonly LiveNetwork[];
  /** The connected Engine's swarm role, when the client asked it (#17). */
  engineSwarm?: EngineSwarm;
  /** The workspace's other files; absent where there is no workspace (a unit test, a lone file). */
  workspace?: WorkspaceFiles;
  /**
   * The environment the server (or CLI) was started with: Compose interpolates with it,
   * and it wins over a project's `.env` (compose-go `cli/options.go` WithOsEnv, then
   * `Mapping.Merge` keeps what is set). Absent: no variable is known.
   */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * A slot the server keeps for each open document from one validation to the next and
 * drops when the document closes. A mode may keep there whatever makes validating the
 * next version cheaper (daemon.json keeps a memo of rule results); rules never see it,
 * and validating without it gives the same problems.
 */
export interface ValidationMemo {
  state?: unknown;
}

/**
 * One rule: a plain function over the mode's model. One file each, listed in the mode's
 * `rules/index.ts`. A mode may give its rules more context than `ModeContext` (Compose
 * gives the project the file belongs to, #16), built once per validation.
 */
export type Rule<Model, F extends FixDescriptor = FixDescriptor, C extends ModeContext = ModeContext> = (model: Model, ctx: C) => Problem<F>[];

/** A text edit in offsets of the document the fix was resolved against. */
export interface OffsetEdit {
  range: OffsetRange;
  newText: string;
}

/**
 * One mode per file kind, after VS Code's html-language-features `languageModes.ts`
 * and vscode-json-languageservice's façade. `M` is the mode's model, which the server
 * caches per URI and document version (utils/languageModelCache.ts). Optional features
 * are left out.
 */
export interface LanguageMode<M = unknown, F extends FixDescriptor = FixDescriptor> {
  readonly kind: FileKind;
  /** Pure: the same text gives an equal model; nothing is kept between calls. */
  parse(document: TextDocument): M;
  validate?(model: M, ctx: ModeContext, memo?: ValidationMemo): Problem<F>[];
  /**
   * The edits of one fix a problem offered, computed against the current model; undefined
   * when the fix no longer applies to the text as it is now (the server then does not offer it).
   */
  resolveFix?(document: TextDocument, model: M, fix: F, ctx: ModeContext): OffsetEdit[] | undefined;
  complete?(document: TextDocument, position: Position, model: M, ctx: ModeContext): CompletionList;
  hover?(document: TextDocument, position: Position, model: M, ctx: ModeContext): Hover | null;
  findDefinition?(document: TextDocument, position: Position, model: M, ctx: ModeContext): Location[];
  findReferences?(document: TextDocument, position: Position, model: M, ctx: ModeContext): Location[];
  findDocumentHighlights?(document: TextDocument, position: Position, model: M, ctx: ModeContext): DocumentHighlight[];
  findDocumentSymbols?(document: TextDocument, model: M, ctx: ModeContext): DocumentSymbol[];
  prepareRename?(document: TextDocument, position: Position, model: M, ctx: ModeContext): { range: Range; placeholder: string } | null;
  doRename?(document: TextDocument, position: Position, newName: string, model: M, ctx: ModeContext): WorkspaceEdit | null;
  /**
   * The other files whose verdicts depend on this one (the other files of its Compose
   * project, #16): the server validates those of them that are open again when it changes.
   */
  relatedFiles?(model: M, ctx: ModeContext): readonly string[];
  /** The subnets the file declares, for the subnet map (#20): a daemon's bip and pools, a Compose network's IPAM subnets. */
  declaredSubnets?(model: M): DeclaredSubnet[];
  /** Characters that should open completion in this kind of file. */
  readonly triggerCharacters?: readonly string[];
}

/** Every diagnostic the extension produces carries this source. */
export const DIAGNOSTIC_SOURCE = 'docker-networking';

/** A subnet a file declares (languageMode `declaredSubnets`), with what declares it and where. */
export interface DeclaredSubnet {
  subnet: string;
  /** What it is, in words: "bip", "address pool", "network `front`". */
  what: string;
  range: OffsetRange;
}
