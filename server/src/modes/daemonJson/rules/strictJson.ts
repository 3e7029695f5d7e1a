import * as l10n from '@vscode/l10n';
import type { ParseErrorCode } from 'jsonc-parser';
import * as jsonc from 'jsonc-parser';
import { type DaemonJsonFix, type DaemonJsonProblem, type DaemonJsonRule, MAX_DEPTH, nodeAt, pathOf } from '../model';
import { problemAt } from '../problemAt';
import { target } from '../target';
import { refusedSince, refuses } from '../valueRules';

/**
 * dockerd decodes daemon.json with Go's encoding/json, which accepts strict JSON only:
 * comments and trailing commas make it refuse to start (docker-facts §2.2, run on
 * 20.10). Since 23.0 an empty file is an empty configuration and data after the top-level
 * object is an error (json.Unmarshal); before, the file went through json.Decoder, so
 * an empty file failed with EOF and trailing data was ignored (moby daemon/config
 * getConflictFreeConfiguration at v20.10.24 vs v23.0.0). The version is
 * schemas/daemonValueRules.json's check `strict-top-level`.
 */
const STRICT_TOP_LEVEL = 'strict-top-level';
/** Go encoding/json's nesting limit (scanner.go maxNestingDepth). */
const GO_MAX_DEPTH = 10_000;

/** What a jsonc-parser error means, in the display language (a function, not a table: texts follow the language). */
function parseErrorText(code: ParseErrorCode): string | undefined {
  switch (code) {
    case jsonc.ParseErrorCode.InvalidSymbol:
      return l10n.t('this character is not valid JSON here');
    case jsonc.ParseErrorCode.InvalidNumberFormat:
      return l10n.t('this number is not valid JSON');
    case jsonc.ParseErrorCode.PropertyNameExpected:
      return l10n.t('a key in double quotes is expected here');
    case jsonc.ParseErrorCode.ValueExpected:
      return l10n.t('a value is expected here');
    case jsonc.ParseErrorCode.ColonExpected:
      return l10n.t('a colon is expected after the key');
    case jsonc.ParseErrorCode.CommaExpected:
      return l10n.t('a comma is expected between entries');
    case jsonc.ParseErrorCode.CloseBraceExpected:
      return l10n.t('a closing } is missing');
    case jsonc.ParseErrorCode.CloseBracketExpected:
      return l10n.t('a closing ] is missing');
    case jsonc.ParseErrorCode.UnexpectedEndOfString:
      return l10n.t('the string is not closed');
    case jsonc.ParseErrorCode.InvalidUnicode:
      return l10n.t('this \\u escape is not valid');
    case jsonc.ParseErrorCode.InvalidEscapeCharacter:
      return l10n.t('this escape sequence is not valid JSON');
    case jsonc.ParseErrorCode.InvalidCharacter:
      return l10n.t('control characters must be escaped inside strings');
    default:
      return undefined;
  }
}

export const strictJson: DaemonJsonRule = (model, ctx) => {
  const t = target(ctx);
  const out: DaemonJsonProblem[] = [];
  const strict = refuses(STRICT_TOP_LEVEL, t.version);
  const since = refusedSince(STRICT_TOP_LEVEL) ?? '';
  // Each comment names itself by its text and occurrence, so that its fix follows it (#20).
  const seen = new Map<string, number>();
  for (const c of model.comments) {
    const comment = model.text.slice(c.offset, c.offset + c.length);
    const nth = seen.get(comment) ?? 0;
    seen.set(comment, nth + 1);
    out.push(problemAt(c, 'error', 'json-comment', l10n.t('Comments are not allowed in daemon.json: dockerd reads strict JSON and refuses to start. Remove the comment.'), [{ kind: 'removeComment', comment, nth, title: l10n.t('Remove the comment') }]));
  }
  for (const offset of model.trailingCommas) {
    const container = nodeAt(model.root, offset);
    const fixes: DaemonJsonFix[] = container && (container.type === 'object' || container.type === 'array') ? [{ kind: 'removeTrailingComma', path: pathOf(container), title: l10n.t('Remove the trailing comma'), safe: true }] : [];
    out.push(problemAt({ offset, length: 1 }, 'error', 'json-trailing-comma', l10n.t('Trailing comma: dockerd reads strict JSON and refuses to start. Remove this comma.'), fixes));
  }
  const end = model.root ? model.root.offset + model.root.length : Infinity;
  for (const e of model.syntaxErrors) {
    // Comments were reported above; errors past the top-level value are "trailing data".
    if (e.error === jsonc.ParseErrorCode.InvalidCommentToken || e.error === jsonc.ParseErrorCode.UnexpectedEndOfComment) continue;
    if (e.offset >= end) continue;
    if (e.error === jsonc.ParseErrorCode.EndOfFileExpected) continue;
    const what = parseErrorText(e.error) ?? jsonc.printParseErrorCode(e.error);
    // At least one character, but never past the end: an error at the end of the text
    // (after an unterminated comment) is an empty range there (#15).
    const offset = Math.min(e.offset, model.text.length);
    out.push(problemAt({ offset, length: Math.min(Math.max(1, e.length), model.text.length - offset) }, 'error', 'json-syntax', l10n.t('Invalid JSON: {0}. dockerd refuses to start on a file it cannot parse.', what)));
  }
  if (model.tooDeep) {
    // Go's encoding/json refuses input nested deeper than 10,000 levels ("exceeded max
    // depth", scanner.go maxNestingDepth); below that, only our own limit applies (#15).
    const { offset, depth } = model.tooDeep;
    const unchecked = l10n.t('values nested deeper than {0} levels are not checked', MAX_DEPTH.toLocaleString('en-US'));
    if (depth > GO_MAX_DEPTH) {
      out.push(problemAt({ offset, length: 1 }, 'error', 'json-too-deep', l10n.t('This file nests {0} levels deep: dockerd\'s JSON decoder refuses more than {1} and dockerd does not start ({2}).', depth.toLocaleString('en-US'), GO_MAX_DEPTH.toLocaleString('en-US'), unchecked)));
    } else {
      out.push(problemAt({ offset, length: 1 }, 'information', 'json-too-deep', l10n.t('This file nests {0} levels deep; {1}.', depth.toLocaleString('en-US'), unchecked)));
    }
  }
  if (model.trailingDataOffset !== undefined) {
    const at = { offset: model.trailingDataOffset, length: Math.max(1, Math.min(model.text.length - model.trailingDataOffset, 200)) };
    if (strict) {
      out.push(problemAt(at, 'error', 'json-trailing-data', l10n.t('Data after the top-level object: Engine {0} refuses to start. Remove everything after the closing }.', t.versionText)));
    } else {
      out.push(problemAt(at, 'warning', 'json-trailing-data', l10n.t('Data after the top-level object is ignored by Engine {0} (and refused from Engine {1}). Remove it.', t.versionText, since)));
    }
  }
  if (!model.root) {
    if (model.text.trim() === '' && !strict) {
      out.push(problemAt({ offset: 0, length: model.text.length }, 'error', 'json-empty', l10n.t('An empty daemon.json makes Engine {0} refuse to start (accepted from Engine {1}). Write {} instead.', t.versionText, since), [{ kind: 'writeEmptyObject', title: l10n.t('Write {}'), safe: true }]));
    }
  } else if (model.root.type !== 'object') {
    out.push(problemAt(model.root, 'error', 'json-not-object', l10n.t('daemon.json must contain one JSON object ({ ... }); dockerd refuses any other top-level value.')));
  }
  return out;
};
