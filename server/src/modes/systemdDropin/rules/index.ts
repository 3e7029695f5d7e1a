import type { Rule } from '../../languageMode';
import type { DropinFix, DropinModel } from '../model';
import { assignmentOutsideSection } from './assignmentOutsideSection';
import { dockerDaemonCommand } from './dockerDaemonCommand';
import { dockerdFlagVersion } from './dockerdFlagVersion';
import { duplicateVariable } from './duplicateVariable';
import { environmentAssignment } from './environmentAssignment';
import { environmentSyntax } from './environmentSyntax';
import { execCommand } from './execCommand';
import { execStartReset } from './execStartReset';
import { flagConflicts } from './flagConflicts';
import { invalidSectionHeader } from './invalidSectionHeader';
import { invalidValue } from './invalidValue';
import { lineTooLong } from './lineTooLong';
import { missingEquals } from './missingEquals';
import { missingProgram } from './missingProgram';
import { noProxyDuplicates } from './noProxyDuplicates';
import { noProxyEntries } from './noProxyEntries';
import { proxyCaseConflict } from './proxyCaseConflict';
import { proxyCredentials } from './proxyCredentials';
import { proxyLookalike } from './proxyLookalike';
import { proxyOverridden } from './proxyOverridden';
import { proxyUrlValue } from './proxyUrlValue';
import { removedDirective } from './removedDirective';
import { tcpWithoutTls } from './tcpWithoutTls';
import { unknownDirective } from './unknownDirective';
import { unknownSection } from './unknownSection';
import { unknownSpecifier } from './unknownSpecifier';

/**
 * Every drop-in rule, in reporting order: systemd's own verdicts on single lines, then
 * what dockerd makes of the proxy variables, then the verdicts that compare lines. One
 * rule per file. (A file systemd never reads gets only rules/notReadFile.ts: validate.ts.)
 */
export const RULES: readonly Rule<DropinModel, DropinFix>[] = [
  unknownSection,
  invalidSectionHeader,
  lineTooLong,
  missingEquals,
  unknownDirective,
  removedDirective,
  invalidValue,
  environmentSyntax,
  environmentAssignment,
  unknownSpecifier,
  execCommand,
  missingProgram,
  dockerDaemonCommand,
  dockerdFlagVersion,
  tcpWithoutTls,
  proxyUrlValue,
  proxyCredentials,
  noProxyEntries,
  noProxyDuplicates,
  proxyLookalike,
  assignmentOutsideSection,
  execStartReset,
  flagConflicts,
  duplicateVariable,
  proxyCaseConflict,
  proxyOverridden,
];
