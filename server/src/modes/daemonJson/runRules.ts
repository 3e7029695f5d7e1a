import type { Position } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Property } from './parseDaemonJson';
import type { DaemonJsonRule, KeysRule, PropertyRule, RuleContext } from './ruleContext';

/**
 * The verdicts of the property and keys rules on one version of a document, which the
 * next version takes over where their input is unchanged (#8: on a 5,000-line file,
 * running every rule after each keystroke cost two thirds of the parse again).
 */
export interface RuleMemo {
  /** The rule list and the target Engine version and platform the verdicts were given for. */
  rules: readonly DaemonJsonRule[];
  context: string;
  /** The property rules' verdicts by the property's text: where it started, one list per rule. */
  properties: Map<string, PropertyVerdicts[]>;
  /** Per keys rule: what it read, and its diagnostics. */
  keys: Map<KeysRule, { inputs: (Input | undefined)[]; diagnostics: Diagnostic[] }>;
}

/** Holds the memo of a document's latest validation; every version of the document shares it. */
export interface RuleMemoHolder {
  memo?: RuleMemo;
}

/** A top-level property as a rule's input: its text and where it starts. */
interface Input {
  text: string;
  at: Position;
}

/** Every property rule's diagnostics on one property that started at `at`, in rule order. */
interface PropertyVerdicts {
  at: Position;
  byRule: Diagnostic[][];
}

/**
 * Runs `rules` in order and returns their diagnostics in that order (a property rule's
 * in property order), exactly as running every rule afresh would.
 *
 * A verdict is taken over when the text it judged is the same and starts at the same
 * character of its line: every position inside is then the same relative to the start,
 * so the verdict only moves by the difference in lines. Rules read nothing else (see
 * PropertyRule and KeysRule, and the contexts they are given here).
 */
export function runRules(rc: RuleContext, rules: readonly DaemonJsonRule[], holder?: RuleMemoHolder): Diagnostic[] {
  const context = `${rc.versionText}|${rc.platform}`;
  const old = holder?.memo?.context === context && holder.memo.rules === rules ? holder.memo : undefined;
  const next: RuleMemo = { rules, context, properties: new Map(), keys: new Map() };
  const inputs = new Map<Property, Input>();
  const inputOf = (p: Property): Input => {
    let input = inputs.get(p);
    if (!input) {
      const { offset, length } = p.prop;
      input = { text: rc.parsed.text.slice(offset, offset + length), at: rc.parsed.propertyStarts.get(p.prop) ?? rc.document.positionAt(offset) };
      inputs.set(p, input);
    }
    return input;
  };

  // Each property is looked up once for all property rules (a validation of a small file
  // runs mostly in V8's unoptimised tiers, where every operation counts: #8).
  const propertyRules = rules.filter((r): r is PropertyRule => typeof r !== 'function' && 'perProperty' in r);
  let judged: Diagnostic[][][] | undefined;
  const judgeProperties = (): Diagnostic[][][] => {
    const result: Diagnostic[][][] = [];
    for (const p of rc.topProperties) {
      const input = inputOf(p);
      const kept = old?.properties.get(input.text)?.find((v) => v.at.character === input.at.character);
      let byRule: Diagnostic[][];
      if (kept) {
        const lines = input.at.line - kept.at.line;
        byRule = lines === 0 ? kept.byRule : kept.byRule.map((d) => moved(d, lines));
      } else {
        const own = onlyKeys(rc, [p]);
        byRule = propertyRules.map((rule) => rule.perProperty(own, p));
      }
      const list = next.properties.get(input.text);
      if (list) list.push({ at: input.at, byRule });
      else next.properties.set(input.text, [{ at: input.at, byRule }]);
      result.push(byRule);
    }
    return result;
  };

  const out: Diagnostic[] = [];
  const add = (diagnostics: Diagnostic[]): void => {
    for (let i = 0; i < diagnostics.length; i++) out.push(diagnostics[i]);
  };
  for (const rule of rules) {
    if (typeof rule === 'function') {
      add(rule(rc));
    } else if ('perProperty' in rule) {
      judged ??= judgeProperties();
      const k = propertyRules.indexOf(rule);
      for (const byRule of judged) add(byRule[k]);
    } else {
      const read = rule.keys.map((k) => rc.top.get(k));
      const now = read.map((p) => (p ? inputOf(p) : undefined));
      const before = old?.keys.get(rule);
      const lines = before ? lineShift(before.inputs, now) : undefined;
      const diagnostics =
        before && lines !== undefined ? moved(before.diagnostics, lines) : rule.run(onlyKeys(rc, read.filter((p): p is Property => p !== undefined)));
      next.keys.set(rule, { inputs: now, diagnostics });
      add(diagnostics);
    }
  }
  if (holder) holder.memo = next;
  return out;
}

/**
 * The number of lines every input moved by, when the same keys are present with the same
 * text, each at the same character of its line and all moved alike; undefined otherwise.
 */
function lineShift(before: readonly (Input | undefined)[], now: readonly (Input | undefined)[]): number | undefined {
  let shift: number | undefined;
  for (let i = 0; i < now.length; i++) {
    const a = before[i];
    const b = now[i];
    if (a === undefined || b === undefined) {
      if (a !== b) return undefined;
      continue;
    }
    if (a.text !== b.text || a.at.character !== b.at.character) return undefined;
    const d = b.at.line - a.at.line;
    if (shift === undefined) shift = d;
    else if (shift !== d) return undefined;
  }
  return shift ?? 0;
}

/** The diagnostics moved down by `lines` (new objects: a kept verdict is never changed). */
function moved(diagnostics: Diagnostic[], lines: number): Diagnostic[] {
  if (lines === 0) return diagnostics;
  return diagnostics.map((d) => ({
    ...d,
    range: {
      start: { line: d.range.start.line + lines, character: d.range.start.character },
      end: { line: d.range.end.line + lines, character: d.range.end.character },
    },
  }));
}

/** The context a property or keys rule runs with: the top-level keys it may read, and no others. */
function onlyKeys(rc: RuleContext, props: readonly Property[]): RuleContext {
  const top = new Map<string, Property>();
  for (const p of props) top.set(p.name, p);
  return { ...rc, topProperties: props, top };
}
