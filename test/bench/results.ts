import type { LspResult } from './lspBench';
import type { ServerId } from './servers';
import type { Summary } from './stats';
import type { WorkloadResults } from './workloadBench';

/** The shape of test/bench/results.json (the README's performance section is rendered from it). */
export interface BenchResults {
  schemaVersion: 1;
  generatedAt: string;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; loadavg: number[] };
  /** What the reference servers were configured with, and our own debounce default. */
  setup: {
    composeSchema: { source: string; file?: string };
    daemonSchema: { source: string; file?: string };
    ourDefaultDebounceMs: number;
    referenceDebounceMs: Partial<Record<ServerId, number>>;
    /** How many samples were asked for, the warm-up, and the time cap per measurement. */
    method?: { requests: number; edits: number; warmupRequests: number; warmupEdits: number; warmupEditBudgetMs?: number; budgetMsPerMeasurement: number; minSamples: number; pairRounds?: number };
  };
  servers: Array<{ id: ServerId; label: string }>;
  inputs: Array<{ id: string; kind: string; lines: number; bytes: number }>;
  /** In-process parse of each input (the floor). */
  floor: Array<{ input: string; parser: string } & Summary>;
  /** spawn → initialize reply, all samples of a server together. */
  spawn: Partial<Record<ServerId, Summary>>;
  /** Ours with an empty code cache directory: the first start after an install or update. */
  spawnFirstStart?: Summary;
  lsp: LspResult[];
  view: ViewResults;
  /** Latency per request kind under a fuzz-like workload (#15); absent in older results. */
  workload?: WorkloadResults;
  /** `docker-networking check` on a tree of files, and the real tools per file (#21). */
  cli?: CliResults;
  budgets: BudgetCheck[];
}

export interface ViewResults {
  /** Why the view benchmark did not run (or ran only in part). */
  skipped?: string;
  engine?: { version: string; apiVersion: string };
  networks?: number;
  containers?: number;
  /** Engine reply (list + inspect) for the refresh. */
  engineMs?: Summary;
  /** From the Engine's reply to a complete tree model. */
  modelMs?: Summary;
  /** Refresh end to end (request → model). */
  refreshMs?: Summary;
  /** Connect events in the burst, and the refreshes they caused. */
  burstEvents?: number;
  burstRefreshes?: number;
  /** A fake Engine with many networks: requests and time to the tree model, per way of loading (#19). */
  scale?: ScaleResults;
  /** A refresh over a fake ssh with a slow dial (#19). */
  ssh?: SshResults;
  /** Several Engines side by side, on fake Engines (#22). */
  engines?: EnginesResults;
  notes?: string[];
}

export interface EnginesResults {
  engines: number;
  networksEach: number;
  containersEach: number;
  /** Starting every Engine's session → every one connected with its networks, ms. */
  connectAllMs: number;
  /** Every Engine refreshed at once: per Engine, its first request → its tree model (engineChildren), ms. */
  perEngineRefreshMs: Summary;
  /** The roots and every Engine's children built once (all expanded), ms. */
  modelAllMs: Summary;
}

export interface LoadFigures {
  requests: number;
  ms: Summary;
}

export interface ScaleResults {
  networks: number;
  containers: number;
  /** Every network and up to 500 containers inspected, as before #19. */
  inspectEvery: LoadFigures;
  /** The two lists, the session's first load (containers inspected once). */
  firstLoad: LoadFigures;
  /** The two lists, a later refresh of the same session. */
  refresh: LoadFigures;
}

export interface SshResults {
  networks: number;
  containers: number;
  dialMs: number;
  /** ssh processes started for connecting and one refresh. */
  processes: number;
  requests: number;
  /** Connect (ping, version, events, first load) and one refresh, ms. */
  connectMs: number;
  refreshMs: number;
}

export interface BudgetCheck {
  id: string;
  /** The budget as the issue states it. */
  text: string;
  /** What was measured, for display (e.g. "p95 0.8 ms; 310× faster"). */
  measured: string;
  /** true/false, or null when it could not be checked (missing measurement). */
  pass: boolean | null;
}

export interface CliToolResult {
  id: 'dockerd-validate' | 'compose-config' | 'systemd-analyze-verify' | string;
  /** The command, with the version of the binary used. */
  label: string;
  kind: string;
  /** Why the tool was not measured (not on this machine, or too old). */
  missing?: string;
  /** Files it was run on, once each. */
  files: number;
  perFileMs?: Summary;
  /** Its time per file over ours (ours: the whole check's median over the files checked). */
  ratio?: number;
}

export interface CliResults {
  files: number;
  counts: Record<string, number>;
  /** The whole `check` process, start to exit. */
  totalMs: Summary;
  filesPerSecond: number;
  oursPerFileMs: number;
  tools: CliToolResult[];
}
