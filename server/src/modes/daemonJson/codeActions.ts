import type { Node } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext, OffsetEdit } from '../languageMode';
import { type DaemonJsonFix, type DaemonJsonModel, type KeyPath, lastValue, nodeAtPath } from './model';

/**
 * The edits of a quick fix, computed when the user asks for code actions against the
 * parse of the text as it is then (#14): the descriptor names its target by key path,
 * so typing elsewhere since validation does not matter, and a target that is gone or
 * changed gives undefined (the fix is then not offered), never an edit in the wrong place.
 */
export function resolveFix(_document: TextDocument, model: DaemonJsonModel, fix: DaemonJsonFix, _ctx: ModeContext): OffsetEdit[] | undefined {
  if (!fix || typeof fix !== 'object') return undefined;
  const text = model.text;
  // Fixes of the strict-JSON rule: their targets are no key (#20).
  switch (fix.kind) {
    case 'removeComment':
      return removeComment(model, fix.comment, fix.nth);
    case 'removeTrailingComma':
      return Array.isArray(fix.path) ? removeTrailingComma(model, fix.path) : undefined;
    case 'writeEmptyObject':
      // Still empty: else the user has started writing, and their text stays.
      return text.trim() === '' ? [{ range: [0, text.length], newText: '{}\n' }] : undefined;
  }
  if (!Array.isArray(fix.path) || fix.path.length === 0) return undefined;
  const target = nodeAtPath(model.root, fix.path);
  if (!target) return undefined;
  const span = (n: Node): [number, number] => [n.offset, n.offset + n.length];
  switch (fix.kind) {
    case 'renameKey': {
      const prop = propertyOf(target);
      if (!prop) return undefined;
      const edits: OffsetEdit[] = [{ range: span(prop.children![0]), newText: JSON.stringify(fix.to) }];
      const value = prop.children![1];
      // A singular flag name takes one string; the plural key wants a list of them.
      if (fix.wrapInArray && value) edits.push({ range: span(value), newText: `[${text.slice(value.offset, value.offset + value.length)}]` });
      return edits;
    }
    case 'replaceValue': {
      const value = target.type === 'property' ? target.children?.[1] : target;
      // The value the rule judged, still there: else the fix would overwrite something the user typed since.
      if (!value || value.children || value.value !== fix.from) return undefined;
      return [{ range: span(value), newText: JSON.stringify(fix.to) }];
    }
    case 'removeProperty': {
      const prop = propertyOf(target);
      return prop ? [removal(prop)] : undefined;
    }
    case 'moveIntoObject': {
      // A top-level property → inside the top-level object `fix.object` (created if absent).
      const prop = propertyOf(target);
      if (!prop || prop.parent !== model.object || !prop.children?.[1]) return undefined;
      const propText = text.slice(prop.offset, prop.offset + prop.length);
      const into = lastValue(model.object, fix.object);
      if (!into || into.type !== 'object') return [{ range: span(prop), newText: `${JSON.stringify(fix.object)}: { ${propText} }` }];
      const insert: OffsetEdit = { range: [into.offset + 1, into.offset + 1], newText: ` ${propText}${into.children && into.children.length > 0 ? ',' : ''}` };
      return [removal(prop), insert];
    }
    default:
      return undefined;
  }
}

/**
 * The comment named by its text and occurrence, with the line it stands on when nothing
 * else is there (a `// note` line goes away whole), else with the blanks before it.
 */
function removeComment(model: DaemonJsonModel, comment: unknown, nth: unknown): OffsetEdit[] | undefined {
  if (typeof comment !== 'string' || typeof nth !== 'number') return undefined;
  const text = model.text;
  const found = model.comments.filter((c) => text.slice(c.offset, c.offset + c.length) === comment)[nth];
  if (!found) return undefined;
  let start = found.offset;
  let end = found.offset + found.length;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  const lineStart = start === 0 || text[start - 1] === '\n' || text[start - 1] === '\r';
  const eol = /^\r?\n|^\r/.exec(text.slice(end));
  if (lineStart && eol) end += eol[0].length;
  else if (lineStart && start > 0) start = found.offset; // the last line: keep the line break before it
  return [{ range: [start, end], newText: '' }];
}

/** The trailing comma inside the object or array at `path`: after its last entry, before its closing bracket. */
function removeTrailingComma(model: DaemonJsonModel, path: KeyPath): OffsetEdit[] | undefined {
  let container = path.length === 0 ? model.root : nodeAtPath(model.root, path);
  if (container?.type === 'property') container = container.children?.[1];
  if (!container || (container.type !== 'object' && container.type !== 'array') || !container.children?.length) return undefined;
  const last = container.children[container.children.length - 1];
  const after = last.offset + last.length;
  const end = container.offset + container.length;
  const comma = model.trailingCommas.find((o) => o >= after && o < end);
  return comma === undefined ? undefined : [{ range: [comma, comma + 1], newText: '' }];
}

function propertyOf(node: Node): Node | undefined {
  return node.type === 'property' && node.children && node.children.length > 0 ? node : undefined;
}

/** The whole property with its comma: from the key to the next key, or back to the previous property's end when it is the last. */
function removal(prop: Node): OffsetEdit {
  const props = prop.parent?.children ?? [prop];
  const i = props.indexOf(prop);
  if (i + 1 < props.length) return { range: [prop.offset, props[i + 1].offset], newText: '' };
  if (i > 0) return { range: [props[i - 1].offset + props[i - 1].length, prop.offset + prop.length], newText: '' };
  return { range: [prop.offset, prop.offset + prop.length], newText: '' };
}
