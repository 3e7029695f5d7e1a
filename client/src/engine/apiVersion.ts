import * as l10n from '@vscode/l10n';
import { compareEngineVersions, KNOWN_RELEASES, parseApiVersion } from '../../../server/src/shared/engineVersion';

/**
 * Engine API versions ("1.41") and negotiation, as the Go client does it (moby
 * `client/client.go` NegotiateAPIVersionPing): use the lower of the server's
 * `Api-Version` and our own maximum; refuse a server below our minimum.
 */

/** The oldest API we speak: 1.24 is the Engine's hard floor (moby api MinAPIVersion, facts §8.1). */
export const MIN_API_VERSION = '1.24';

/** The newest API we know: the last release in schemas/engine-releases.json. */
export const MAX_API_VERSION: string = KNOWN_RELEASES.reduce((max, r) => (compareApiVersions(r.api, max) > 0 ? r.api : max), MIN_API_VERSION);

const NO_VERSION = { major: 0, minor: 0 };

/** Orders API version texts; an unreadable one counts as "0.0". Parsing is the shared one (server/src/shared/engineVersion.ts, #14). */
export function compareApiVersions(a: string, b: string): number {
  return compareEngineVersions(parseApiVersion(a) ?? NO_VERSION, parseApiVersion(b) ?? NO_VERSION);
}

export type Negotiated = { ok: true; version: string } | { ok: false; message: string };

/**
 * `serverMax` is the `Api-Version` header of /_ping (missing on very old Engines:
 * then our maximum is tried, as the Go client does); `fixed` is DOCKER_API_VERSION.
 */
export function negotiateApiVersion(serverMax: string | undefined, fixed?: string): Negotiated {
  if (fixed && parseApiVersion(fixed)) return { ok: true, version: fixed.replace(/^v/, '').trim() };
  if (!parseApiVersion(serverMax)) return { ok: true, version: MAX_API_VERSION };
  const server = serverMax!.trim();
  if (compareApiVersions(server, MIN_API_VERSION) < 0) {
    return { ok: false, message: l10n.t('The Engine serves API {0}, older than {1}, the oldest this extension speaks.', server, MIN_API_VERSION) };
  }
  return { ok: true, version: compareApiVersions(server, MAX_API_VERSION) < 0 ? server : MAX_API_VERSION };
}
