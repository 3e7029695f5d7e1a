import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { fixesOf } from './diagnostics';
import { fileKindOf } from './fileKindOf';
import type { LanguageMode, ModeContext } from './modes/languageMode';
import type { ExtraPatterns, FileKind } from './shared/fileKinds';
import { runSafe, type Logger } from './utils/runner';

/**
 * A small representative document per file kind that the server runs every feature on
 * once, right after start, so that the first real document does not pay for lazy tables
 * and cold code (a first validation costs up to ten times a warm one, #8).
 */
export const WARM_UP_SAMPLES: Readonly<Record<FileKind, string>> = {
  daemonJson:
    '{"debug": true, "bip": "198.18.0.1/24", "fixed-cidr": "198.18.0.0/25", "dns": ["198.18.0.53"], "labels": ["a=b"], "log-driver": "json-file", "log-opts": {"max-size": "10m"}, ' +
    '"default-address-pools": [{"base": "198.19.0.0/16", "size": 24}], "registry-mirrors": ["https://m.example"], "insecure-registries": ["registry.example:5000"], ' +
    '"runtimes": {"runc-debug": {"path": "/usr/bin/runc", "runtimeArgs": ["--debug"]}}, "proxies": {"http-proxy": "http://p:3128"}}\n',
  compose:
    'services:\n  web:\n    image: x\n    networks:\n      front:\n        ipv4_address: 198.18.0.10\n  db:\n    network_mode: service:web\nnetworks:\n  front:\n    ipam:\n      config:\n        - subnet: 198.18.0.0/24\n          gateway: 198.18.0.1\n',
  // Quoted and plain Environment= words take different paths through the word splitter;
  // each block starts with empty Environment= and ExecStart= lines so that the sample
  // stays a correct file (no variable or command set twice). The ExecStart= is the
  // packaged unit's, flags included, which drop-ins copy: the flag checks run too. A
  // comment, a [Unit] part and a limit as drop-ins have them: V8 compiles a regular
  // expression on its first two uses, each time a fresh server starts (about 50 µs each).
  systemdDropin:
    '# Docker behind a proxy\n[Unit]\nDescription=Docker Application Container Engine\n\n[Service]\nLimitNOFILE=infinity\n' +
    (
      'Environment=\nEnvironment="HTTP_PROXY=http://proxy.example.com:3128" "NO_PROXY=localhost,127.0.0.1,10.0.0.0/8,.example.com"\n' +
      'Environment=HTTPS_PROXY=http://proxy.example.com:3128 LANG=C.UTF-8\nExecStart=\nExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock\n'
    ).repeat(4),
};

/**
 * Where the samples pretend to be: at the places real files are, so that what the modes do
 * for a file by its place (its Docker host from the /etc tree, #17; its Compose project, #16)
 * is warmed up too (a first drop-in took 4 ms more than the parse-only server's otherwise).
 * Not `file:` URIs: nothing is read from disk for them.
 */
const WARM_UP_URIS: Readonly<Record<FileKind, string>> = {
  daemonJson: 'warmup:///etc/docker/daemon.json',
  compose: 'warmup:///srv/app/compose.yaml',
  systemdDropin: 'warmup:///etc/systemd/system/docker.service.d/http-proxy.conf',
};

/** The server's own path for a document's diagnostics, which the warm-up runs its samples through. */
export interface WarmUpHost {
  /** The diagnostics of a document as the server publishes them (parse cache, per-document memo, conversion). */
  diagnosticsFor(document: TextDocument): Diagnostic[];
  /** Forgets what the server kept for a URI. */
  forget(uri: string): void;
}

/**
 * Runs every feature of every mode once on its sample, off the hot path, right after
 * `initialized` (#8). The samples are validated through the server's own path, so that
 * the code between a document and its mode (the parse cache, the per-document memo, the
 * conversion) is compiled before the first document arrives too, and goes into the code
 * cache written after the warm-up (#14: it was compiled on the first open). Once: a second
 * pass (an edit, reusing rule results) made no first open faster and left the server
 * 0.8 MB larger, and so did larger samples (16 drop-in blocks instead of 4: 4.6 MB). Errors
 * are logged, never thrown: a warm-up must not stop the server.
 */
export function warmUp(modes: readonly LanguageMode[], patterns: ExtraPatterns, context: () => ModeContext, logger: Logger, host: WarmUpHost): void {
  // Compiles every file pattern (a path no pattern matches tries them all): done on
  // the first document instead, it took longer than parsing a 200-line drop-in (#8).
  // Paths that match take another way through minimatch (globstars): 1.4 ms of the first
  // drop-in a server opened otherwise.
  runSafe(logger, 'warming up the file patterns', undefined, undefined, () => {
    fileKindOf('file:///warm-up/none', patterns);
    for (const uri of Object.values(WARM_UP_URIS)) fileKindOf(uri.replace(/^warmup:/, 'file:'), patterns);
  });
  for (const mode of modes) {
    const text = WARM_UP_SAMPLES[mode.kind];
    if (!text) continue;
    const uri = WARM_UP_URIS[mode.kind];
    runSafe(logger, `warming up the ${mode.kind} mode`, undefined, undefined, () => {
      try {
        const doc = TextDocument.create(uri, 'plaintext', 1, text);
        const diagnostics = host.diagnosticsFor(doc);
        // A second parse of the sample, on purpose: it warms the parser more than one does.
        // Using the validation's parse instead made the first open of a 200-line drop-in
        // slower: +0.57 ms over the parse-only server against +0.17 ms (medians of four
        // runs of npm run bench -- --only=dropin-200, #14's budget is 1 ms).
        const parsed = mode.parse(doc);
        const ctx = context();
        const middle = doc.positionAt(Math.floor(text.length / 2));
        mode.complete?.(doc, middle, parsed, ctx);
        mode.hover?.(doc, middle, parsed, ctx);
        for (const d of diagnostics) for (const fix of fixesOf(d)) mode.resolveFix?.(doc, parsed, fix, ctx);
      } finally {
        host.forget(uri);
      }
    });
  }
}
