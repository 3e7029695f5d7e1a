import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { SERVER_EXEC_ARGV, SERVER_PROCESS_ENV } from '../../server/src/shared/protocol';
import type { FileKind } from '../../server/src/shared/fileKinds';
import { DEFAULT_SETTINGS } from '../../server/src/shared/settings';
import { generate, KINDS } from '../fuzz/fuzzModes';
import { LspClient, SERVER_JS } from '../util/lspClient';
import { prng } from '../util/prng';
import { msSince, quantile } from './stats';

/**
 * Latency under a fuzz-like workload (#15): our server, started as the extension starts it
 * and with its default settings, gets documents the fuzzer generates (mutated fixtures,
 * mostly small) and the same documents grown to about 100 KB, just under the size limit
 * (dockerNetworking.maxFileSizeKB), 1 MB and 10 MB, and on each a
 * run of single-character edits and requests of every kind at random positions, sent one
 * after the other as fast as it answers (so requests right after an edit pay for the new
 * parse, as completion does while typing). Reported per request kind and document size:
 * p50, p99 and max. The budgets: max ≤ 1 s everywhere, p99 ≤ 50 ms on documents up to 1 MB.
 */

export const REQUEST_KINDS = ['completion', 'hover', 'definition', 'references', 'highlight', 'symbols', 'codeAction', 'rename'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Document sizes, by their upper bound in bytes of text. */
export const SIZE_BUCKETS = [
  { id: 'small', label: '≤ 100 KB', max: 100 * 1024 },
  { id: 'upTo1MB', label: '100 KB – 1 MB', max: 1024 * 1024 },
  { id: 'large', label: '> 1 MB', max: Infinity },
] as const;
export type SizeBucket = (typeof SIZE_BUCKETS)[number]['id'];

export interface LatencyFigures {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export interface WorkloadResults {
  skipped?: string;
  seed?: number;
  documents?: number;
  requests?: number;
  edits?: number;
  /** Per request kind, per size bucket, and `all` over the buckets up to 1 MB. */
  byKind?: Partial<Record<RequestKind, Partial<Record<SizeBucket | 'upTo1MBAll', LatencyFigures>>>>;
  /** Every request on documents up to 1 MB, and every request at all. */
  upTo1MB?: LatencyFigures;
  overall?: LatencyFigures;
  /** The slowest request: kind, document size and kind. */
  slowest?: { kind: RequestKind; ms: number; bytes: number; fileKind: FileKind };
}

export interface WorkloadOptions {
  seed: number;
  /** Generated documents per file kind (each also grown, see `grownPerKind`). */
  docsPerKind: number;
  /** Edits and requests per document. */
  operations: number;
  log?: (s: string) => void;
}

/** What the edits type: characters that change the structure of all three kinds. */
const TYPED = ' :"-=[{\n';

const URIS: Record<FileKind, (i: number) => string> = {
  daemonJson: (i) => `file:///workload/${i}/etc/docker/daemon.json`,
  compose: (i) => `file:///workload/${i}/compose.yaml`,
  systemdDropin: (i) => `file:///workload/${i}/etc/systemd/system/docker.service.d/http-proxy.conf`,
};

/**
 * `text` repeated (whole copies) until it is about `bytes` long: a document of the same shape,
 * grown. A document meant to stay under `limit` stops at the last copy that fits.
 */
function grow(text: string, bytes: number, limit: number): string {
  const unit = text.endsWith('\n') && text.length > 1 ? text : `${text}\nx\n`;
  const copies = Math.max(1, bytes < limit ? Math.floor(bytes / unit.length) : Math.ceil(bytes / unit.length));
  return unit.repeat(copies);
}

function figures(samples: readonly number[]): LatencyFigures | undefined {
  if (samples.length === 0) return undefined;
  let max = 0;
  for (const s of samples) if (s > max) max = s;
  return { n: samples.length, p50: quantile(samples, 0.5), p99: quantile(samples, 0.99), max };
}

function bucketOf(bytes: number): SizeBucket {
  return SIZE_BUCKETS.find((b) => bytes <= b.max)!.id;
}

export async function runWorkloadBench(opts: WorkloadOptions): Promise<WorkloadResults> {
  const log = opts.log ?? (() => undefined);
  const rand = prng(opts.seed);
  const client = new LspClient({ args: [...SERVER_EXEC_ARGV, SERVER_JS, '--stdio'], env: { ...SERVER_PROCESS_ENV } });
  const samples = new Map<string, number[]>();
  const add = (key: string, ms: number) => {
    const list = samples.get(key) ?? [];
    list.push(ms);
    samples.set(key, list);
  };
  let requests = 0;
  let edits = 0;
  let documents = 0;
  let slowest: WorkloadResults['slowest'];
  try {
    await client.initialize();
    const docs: { kind: FileKind; text: string }[] = [];
    for (const kind of KINDS) {
      for (let i = 0; i < opts.docsPerKind; i++) docs.push({ kind, text: generate(kind, rand) });
      // The same shapes, grown: one document per size above the small ones.
      const base = generate(kind, rand);
      for (const bytes of [100 * 1024, DEFAULT_SETTINGS.maxFileSizeKB * 1024 - 4096, 1000 * 1024, 10 * 1024 * 1024]) docs.push({ kind, text: grow(base, bytes, DEFAULT_SETTINGS.maxFileSizeKB * 1024) });
    }
    for (const [i, { kind, text }] of docs.entries()) {
      const uri = URIS[kind](i);
      const doc = TextDocument.create(uri, 'plaintext', 1, text);
      client.open(uri, text, kind === 'compose' ? 'yaml' : kind === 'daemonJson' ? 'json' : 'plaintext');
      documents++;
      const bucket = bucketOf(text.length);
      const position = () => doc.positionAt(Math.floor(rand() * (doc.getText().length + 1)));
      for (let k = 0; k < opts.operations; k++) {
        if (rand() < 0.35) {
          const at = position();
          const remove = rand() < 0.5 && doc.offsetAt(at) < doc.getText().length;
          const range = { start: at, end: remove ? doc.positionAt(doc.offsetAt(at) + 1) : at };
          const insert = remove ? '' : TYPED[Math.floor(rand() * TYPED.length)];
          TextDocument.update(doc, [{ range, text: insert }], doc.version + 1);
          client.edit(uri, range, insert);
          edits++;
          continue;
        }
        const kindOfRequest = REQUEST_KINDS[Math.floor(rand() * REQUEST_KINDS.length)];
        const textDocument = { uri };
        const at = position();
        const t = process.hrtime.bigint();
        switch (kindOfRequest) {
          case 'completion':
            await client.request('textDocument/completion', { textDocument, position: at });
            break;
          case 'hover':
            await client.request('textDocument/hover', { textDocument, position: at });
            break;
          case 'definition':
            await client.request('textDocument/definition', { textDocument, position: at });
            break;
          case 'references':
            await client.request('textDocument/references', { textDocument, position: at, context: { includeDeclaration: true } });
            break;
          case 'highlight':
            await client.request('textDocument/documentHighlight', { textDocument, position: at });
            break;
          case 'symbols':
            await client.request('textDocument/documentSymbol', { textDocument });
            break;
          case 'codeAction': {
            const diagnostics: Diagnostic[] = client.currentDiagnostics(uri).slice(0, 20);
            await client.request('textDocument/codeAction', { textDocument, range: { start: at, end: at }, context: { diagnostics } });
            break;
          }
          case 'rename':
            if (await client.request('textDocument/prepareRename', { textDocument, position: at })) {
              await client.request('textDocument/rename', { textDocument, position: at, newName: 'renamed_x' });
            }
            break;
        }
        const ms = msSince(t);
        requests++;
        add(`${kindOfRequest}:${bucket}`, ms);
        if (!slowest || ms > slowest.ms) slowest = { kind: kindOfRequest, ms, bytes: doc.getText().length, fileKind: kind };
      }
      client.close(uri);
      if ((i + 1) % 50 === 0) log(`  ${i + 1}/${docs.length} documents`);
    }
  } finally {
    await client.shutdown();
  }
  const byKind: NonNullable<WorkloadResults['byKind']> = {};
  const all: number[] = [];
  const upTo1MB: number[] = [];
  for (const kind of REQUEST_KINDS) {
    const entry: Partial<Record<SizeBucket | 'upTo1MBAll', LatencyFigures>> = {};
    const kindUpTo1MB: number[] = [];
    for (const b of SIZE_BUCKETS) {
      const s = samples.get(`${kind}:${b.id}`) ?? [];
      const f = figures(s);
      if (f) entry[b.id] = f;
      all.push(...s);
      if (b.id !== 'large') {
        kindUpTo1MB.push(...s);
        upTo1MB.push(...s);
      }
    }
    const f = figures(kindUpTo1MB);
    if (f) entry.upTo1MBAll = f;
    byKind[kind] = entry;
  }
  return { seed: opts.seed, documents, requests, edits, byKind, upTo1MB: figures(upTo1MB), overall: figures(all), slowest };
}
