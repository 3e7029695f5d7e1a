import { assignmentOutsideSection } from './assignmentOutsideSection';
import { duplicateVariable } from './duplicateVariable';
import { environmentAssignment } from './environmentAssignment';
import { environmentSyntax } from './environmentSyntax';
import { execCommand } from './execCommand';
import { execStartReset } from './execStartReset';
import { invalidSectionHeader } from './invalidSectionHeader';
import { invalidValue } from './invalidValue';
import { missingEquals } from './missingEquals';
import { noProxyEntries } from './noProxyEntries';
import { proxyCaseConflict } from './proxyCaseConflict';
import { proxyCredentials } from './proxyCredentials';
import { proxyLookalike } from './proxyLookalike';
import { proxyUrlValue } from './proxyUrlValue';
import { removedDirective } from './removedDirective';
import type { Rule } from './rule';
import { unknownDirective } from './unknownDirective';
import { unknownSection } from './unknownSection';
import { unknownSpecifier } from './unknownSpecifier';

/** systemd's own verdicts first, then what dockerd makes of the proxy variables. */
export const ALL_RULES: readonly Rule[] = [
  assignmentOutsideSection,
  unknownSection,
  invalidSectionHeader,
  missingEquals,
  unknownDirective,
  removedDirective,
  invalidValue,
  environmentSyntax,
  environmentAssignment,
  unknownSpecifier,
  execCommand,
  execStartReset,
  proxyUrlValue,
  proxyCredentials,
  noProxyEntries,
  duplicateVariable,
  proxyCaseConflict,
  proxyLookalike,
];
