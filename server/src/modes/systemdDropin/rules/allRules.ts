import { assignmentOutsideSection } from './assignmentOutsideSection';
import { duplicateVariable } from './duplicateVariable';
import { environmentAssignment } from './environmentAssignment';
import { environmentSyntax } from './environmentSyntax';
import { execCommand } from './execCommand';
import { execStartReset } from './execStartReset';
import { invalidSectionHeader } from './invalidSectionHeader';
import { invalidValue } from './invalidValue';
import { lineTooLong } from './lineTooLong';
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

/**
 * Rules whose verdict on a line depends only on that line, its position and its
 * section: validateDropin.ts keeps their results per line between edits. A rule that
 * looks at other lines (counts, duplicates, first-of-a-kind) belongs in
 * DOCUMENT_RULES. systemd's own verdicts first, then what dockerd makes of the proxy
 * variables.
 */
export const LINE_RULES: readonly Rule[] = [
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
  proxyUrlValue,
  proxyCredentials,
  noProxyEntries,
  proxyLookalike,
];

/** Rules that compare lines: run on the whole model after every change. */
export const DOCUMENT_RULES: readonly Rule[] = [assignmentOutsideSection, execStartReset, duplicateVariable, proxyCaseConflict];
