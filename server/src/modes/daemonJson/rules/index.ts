import type { DaemonJsonRule } from '../ruleContext';
import { addressPools } from './addressPools';
import { bridgeAddresses } from './bridgeAddresses';
import { combinations } from './combinations';
import { duplicateKeys, duplicateTopLevelKeys } from './duplicateKeys';
import { hosts } from './hosts';
import { listValues } from './listValues';
import { logOpts } from './logOpts';
import { platformIgnored } from './platformIgnored';
import { registries } from './registries';
import { runtimes } from './runtimes';
import { scalarValues } from './scalarValues';
import { storageDriver } from './storageDriver';
import { strictJson } from './strictJson';
import { topLevelKeys } from './topLevelKeys';
import { ulimits } from './ulimits';
import { valueTypes } from './valueTypes';

/**
 * Every daemon.json rule, in the order their diagnostics are listed. Value rules only
 * look at values of the right JSON type, so a wrong type is reported once (by valueTypes).
 *
 * A rule is a plain `Rule` over the whole document, a `PropertyRule` that judges one
 * top-level property by itself, or a `KeysRule` that reads only the keys it names; the
 * verdicts of the last two are kept between edits (runRules.ts). The costly rules are
 * written in those two forms; CONTRIBUTING.md says how to choose.
 */
export const DAEMON_JSON_RULES: readonly DaemonJsonRule[] = [
  strictJson,
  duplicateTopLevelKeys,
  duplicateKeys,
  topLevelKeys,
  platformIgnored,
  valueTypes,
  scalarValues,
  listValues,
  bridgeAddresses,
  hosts,
  registries,
  ulimits,
  runtimes,
  addressPools,
  logOpts,
  storageDriver,
  combinations,
];
