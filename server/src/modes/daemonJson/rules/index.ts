import type { DaemonJsonRule } from '../model';
import { addressPools } from './addressPools';
import { bipOverlapsCompose } from './bipOverlapsCompose';
import { bridgeAddresses } from './bridgeAddresses';
import { combinations } from './combinations';
import { duplicateKeys } from './duplicateKeys';
import { flagConflicts } from './flagConflicts';
import { hosts } from './hosts';
import { listValues } from './listValues';
import { logOpts } from './logOpts';
import { platformIgnored } from './platformIgnored';
import { poolExhaustion } from './poolExhaustion';
import { registries } from './registries';
import { runtimes } from './runtimes';
import { scalarValues } from './scalarValues';
import { storageDriver } from './storageDriver';
import { strictJson } from './strictJson';
import { topLevelKeys } from './topLevelKeys';
import { ulimits } from './ulimits';
import { valueTypes } from './valueTypes';

/**
 * Every daemon.json rule, in the order their problems are listed. Each is a plain
 * `(model, ctx) => Problem[]` in its own file (#14). Value rules only look at values of
 * the right JSON type, so a wrong type is reported once (by valueTypes).
 */
export const RULES: readonly DaemonJsonRule[] = [
  strictJson,
  duplicateKeys,
  topLevelKeys,
  platformIgnored,
  valueTypes,
  scalarValues,
  listValues,
  bridgeAddresses,
  hosts,
  flagConflicts,
  registries,
  ulimits,
  runtimes,
  addressPools,
  poolExhaustion,
  bipOverlapsCompose,
  logOpts,
  storageDriver,
  combinations,
];
