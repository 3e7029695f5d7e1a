import type { ComposeRule } from '../model';
import { addressContainment } from './addressContainment';
import { addressSyntax } from './addressSyntax';
import { bridgeMultipleSubnets } from './bridgeMultipleSubnets';
import { duplicateStaticAddress } from './duplicateStaticAddress';
import { engineSupport } from './engineSupport';
import { extendsAndInclude } from './extendsAndInclude';
import { externalName } from './externalName';
import { externalWithCreationProps } from './externalWithCreationProps';
import { ignoredComposeFile } from './ignoredComposeFile';
import { macAddressMismatch } from './macAddressMismatch';
import { networkModeWithNetworks } from './networkModeWithNetworks';
import { overlayWithoutSwarm } from './overlayWithoutSwarm';
import { portsWithHostNetwork } from './portsWithHostNetwork';
import { predefinedNetworkName } from './predefinedNetworkName';
import { sameNameDifferentSettings } from './sameNameDifferentSettings';
import { schemaShape } from './schemaShape';
import { staticAddress } from './staticAddress';
import { subnetOverlap } from './subnetOverlap';
import { subnetOverlapAcrossProjects } from './subnetOverlapAcrossProjects';
import { subnetOverlapWithinNetwork } from './subnetOverlapWithinNetwork';
import { undefinedNetwork } from './undefinedNetwork';
import { undefinedService } from './undefinedService';
import { unusedNetwork } from './unusedNetwork';

/**
 * Every Compose rule, in reporting order: a newcomer finds any rule in one hop from
 * here (#14). Each is a plain `Rule<ComposeModel, ComposeFix>` over the parse and the
 * shared ModeContext (a `ComposeRule` when it judges the project, #16), one per file, named after the code it reports.
 */
export const RULES: readonly ComposeRule[] = [
  schemaShape,
  ignoredComposeFile,
  extendsAndInclude,
  externalName,
  undefinedNetwork,
  networkModeWithNetworks,
  undefinedService,
  unusedNetwork,
  portsWithHostNetwork,
  overlayWithoutSwarm,
  addressSyntax,
  addressContainment,
  subnetOverlap,
  subnetOverlapWithinNetwork,
  subnetOverlapAcrossProjects,
  sameNameDifferentSettings,
  bridgeMultipleSubnets,
  staticAddress,
  duplicateStaticAddress,
  externalWithCreationProps,
  predefinedNetworkName,
  macAddressMismatch,
  engineSupport,
];
