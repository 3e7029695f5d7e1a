/**
 * Environment variable the client sets for the server process: the directory where the
 * server keeps V8's code cache of its bundle (server/src/loadWithCodeCache.ts). Unset,
 * the server compiles its bundle on every start.
 *
 * In a file of its own, without imports: dist/server.js, the loader that runs before any
 * code cache, reads it, and importing it from protocol.ts bundled the LSP protocol
 * library into that loader (289 KB compiled on every start, found for #21).
 */
export const CODE_CACHE_DIR_ENV = 'DOCKER_NETWORKING_CODE_CACHE_DIR';
