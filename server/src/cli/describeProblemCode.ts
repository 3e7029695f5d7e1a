import { readDataFile } from '../shared/dataFile';

type ProblemCodes = typeof import('../../../schemas/problemCodes.json');

export interface ProblemCodeDescription {
  /** One sentence: what the rule finds. */
  summary: string;
  /** Plain text: why it matters and what to do. */
  help: string;
  helpMarkdown: string;
  helpUri?: string;
}

let codes: ProblemCodes['codes'] | undefined;

/**
 * What a problem code means, for the rule metadata of SARIF (#21): from
 * schemas/problemCodes.json, the one list of every code the modes report (a unit test
 * checks that no code is missing). An unknown code still gets a description.
 */
export function describeProblemCode(code: string): ProblemCodeDescription {
  codes ??= readDataFile<ProblemCodes>('schemas/problemCodes.json').codes;
  const entry = Object.prototype.hasOwnProperty.call(codes, code) ? (codes as Record<string, { summary: string; help: string; docs?: string }>)[code] : undefined;
  if (!entry) {
    const summary = `Docker Networking check "${code}".`;
    return { summary, help: `${summary} The message of each result says what is wrong and what to do.`, helpMarkdown: `${summary} The message of each result says what is wrong and what to do.` };
  }
  const docs = entry.docs ? `\n\nSee ${entry.docs}` : '';
  return {
    summary: entry.summary,
    help: `${entry.help}${docs}`,
    helpMarkdown: `${entry.help}${entry.docs ? `\n\n[Documentation](${entry.docs})` : ''}`,
    helpUri: entry.docs,
  };
}
