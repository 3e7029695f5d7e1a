import type { Diagnostic } from 'vscode-languageserver-types';
import { offsetToLoc } from '../../../server/src/modes/systemdDropin/loc';
import type { ModeContext } from '../../../server/src/modes/languageMode';
import { DEFAULT_SETTINGS } from '../../../server/src/shared/settings';
import { systemdDropinMode } from '../../../server/src/modes/systemdDropin/systemdDropinMode';
import { resolveEngineVersion } from '../../../server/src/shared/engineVersion';
import { diagnosticLines, fixture, type Fixture } from '../../util/fixture';

/** Helpers shared by the drop-in unit tests. */
export const DROPIN_URI = 'file:///etc/systemd/system/docker.service.d/http-proxy.conf';

export const CTX: ModeContext = { settings: DEFAULT_SETTINGS, engineVersion: resolveEngineVersion('auto', undefined), engineVersionKnown: false };

export function dropin(source: string, uri = DROPIN_URI): Fixture {
  return fixture(source, uri, 'plaintext');
}

export function validate(source: string, uri = DROPIN_URI): { f: Fixture; diagnostics: Diagnostic[] } {
  const f = dropin(source, uri);
  const diagnostics = systemdDropinMode.doValidation!(f.document, systemdDropinMode.parse(f.document), CTX);
  return { f, diagnostics };
}

export function lines(source: string, uri = DROPIN_URI): string[] {
  return diagnosticLines(validate(source, uri).diagnostics);
}

/** Only the diagnostics with `code`, as lines. */
export function linesOf(code: string, source: string, uri = DROPIN_URI): string[] {
  return diagnosticLines(validate(source, uri).diagnostics.filter((d) => d.code === code));
}

/** The `$0` markers of a fixture as locs, the positions the drop-in model uses (server/src/systemdDropin/loc.ts). */
export function locsOf(f: Fixture): number[] {
  return f.offsets.map((o) => offsetToLoc(f.document, o));
}
