import type { OffsetEdit } from '../languageMode';
import type { Assignment, AssignmentRef, DropinFix, DropinModel, EnvWord, Span, VariableRef } from './model';
import { lineOf, valueSlice } from './model';
import { resolveSpecifiers } from './specifiers';

/**
 * The edits of a drop-in quick fix, computed when the user asks for code actions against
 * the parse of the text as it is then (#14): the descriptor names its target in the
 * file's own terms (model.ts `DropinFix`), which is found again here. When the target is
 * gone, or its text is no longer what the fix was made for, the fix is refused
 * (undefined) rather than applied to text that moved.
 */
export function resolveFix(model: DropinModel, fix: DropinFix): OffsetEdit[] | undefined {
  // The descriptor came back from the client: anything but an object where a target is named is refused.
  const at = (fix as { at?: unknown }).at;
  if (fix.kind !== 'rename-section' && (typeof at !== 'object' || at === null)) return undefined;
  switch (fix.kind) {
    case 'rename-directive': {
      const a = findAssignment(model, fix.at);
      return a && [replace(a.keySpan, fix.to)];
    }
    case 'add-section-header': {
      const a = findAssignment(model, fix.at);
      // Only while the assignment is still above every header.
      return a && a.section === undefined ? [insert(a.lineStart, `[${fix.header}]\n`)] : undefined;
    }
    case 'rename-section': {
      const h = model.headers.find((x) => x.name === fix.name && x.occurrence === fix.occurrence);
      return h && [replace(h.span, `[${fix.to}]`)];
    }
    case 'insert-execstart-reset': {
      const a = findAssignment(model, fix.at);
      return a && a.value.text === fix.command ? [insert(a.lineStart, 'ExecStart=\n')] : undefined;
    }
    case 'move-comment': {
      const a = findAssignment(model, fix.at);
      const line = a && model.environment.find((l) => l.assignment === a);
      const w = line?.words.find((x) => x.problem === 'comment');
      if (!a || !w) return undefined;
      // The comment runs to the end of the line: every word after it is comment too.
      const span = { start: w.word.span.start, end: a.value.text.length > 0 ? a.span.end : w.word.span.end };
      if (model.text.slice(span.start, span.end) !== fix.comment) return undefined;
      return [replace(span, ''), insert(a.lineStart, `${fix.comment}\n`)];
    }
    case 'rename-variable': {
      const w = findVariable(model, fix.at);
      return w && [replace(w.nameSpan, fix.to)];
    }
    case 'encode-character': {
      const w = findVariable(model, fix.at);
      return w && w.value.slice(fix.index, fix.index + fix.character.length) === fix.character ? [replace(valueSlice(w, fix.index, fix.index + fix.character.length), fix.to)] : undefined;
    }
    case 'remove-value-text': {
      const w = findVariable(model, fix.at);
      if (!w || typeof fix.text !== 'string' || fix.text === '' || w.value.slice(fix.index, fix.index + fix.text.length) !== fix.text) return undefined;
      return [replace(valueSlice(w, fix.index, fix.index + fix.text.length), '')];
    }
    case 'remove-line': {
      const a = findAssignment(model, fix.at);
      if (!a || model.text.slice(a.lineStart, a.span.end) !== fix.text) return undefined;
      // Through the line break that ends the assignment (\n, \r\n or a lone \r, as the
      // parser splits lines), so no empty line is left behind.
      const next = model.lineStarts[lineOf(model, a.span.end) + 1];
      return [replace({ start: a.lineStart, end: next ?? model.text.length }, '')];
    }
    case 'double-percent': {
      const uses = 'name' in fix.at ? findVariable(model, fix.at)?.resolved.uses : usesOf(findAssignment(model, fix.at));
      const u = uses?.[fix.use];
      if (!u || u.letter !== fix.letter || model.text.slice(u.span.start, u.span.end) !== `%${fix.letter}`) return undefined;
      return [replace(u.span, `%%${fix.letter}`)];
    }
  }
  return undefined;
}

function replace(span: Span, newText: string): OffsetEdit {
  return { range: [span.start, span.end], newText };
}

function insert(offset: number, newText: string): OffsetEdit {
  return { range: [offset, offset], newText };
}

function findAssignment(model: DropinModel, ref: AssignmentRef): Assignment | undefined {
  return model.assignments.find((a) => a.occurrence === ref.occurrence && a.key === ref.key && (a.section?.name ?? '') === ref.section);
}

function findVariable(model: DropinModel, ref: VariableRef): EnvWord | undefined {
  for (const line of model.environment) for (const w of line.words) if (w.occurrence === ref.occurrence && w.name === ref.name) return w;
  return undefined;
}

/** The specifiers of an assignment's value, as rules/unknownSpecifier.ts finds them outside Environment=. */
function usesOf(a: Assignment | undefined) {
  return a && resolveSpecifiers(a.value.text, a.value.offsets).uses;
}
