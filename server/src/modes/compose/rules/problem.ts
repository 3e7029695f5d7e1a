import type { LiveNetwork } from '../../../shared/protocol';
import type { EngineVersion } from '../../../shared/engineVersion';
import type { ComposeModel } from '../composeModel';
import type { OffsetRange } from '../yamlNodes';

/** What a rule reports, in offsets; the mode turns it into an LSP Diagnostic. */
export interface Problem {
  range: OffsetRange;
  code: string;
  message: string;
  severity: 'error' | 'warning' | 'information';
  /** Drives the quick fixes (see codeActions.ts). */
  data?: FixData;
}

export type FixData =
  | { fix: 'declare-network'; network: string }
  | { fix: 'free-subnet'; subnet: string }
  | { fix: 'remove-key'; key: 'networks' | 'network_mode'; start: number; end: number; alternative?: { key: string; start: number; end: number } }
  | { fix: 'replace'; text: string; title: string };

export interface RuleContext {
  engineVersion: EngineVersion;
  /** `dockerNetworking.compose.unusedNetworks` */
  unusedNetworks: boolean;
  /** Networks of the connected Engine, when the client provides them. */
  liveNetworks?: readonly LiveNetwork[];
}

/** One rule: a plain function over the parsed file. */
export type Rule = (model: ComposeModel, ctx: RuleContext) => Problem[];
