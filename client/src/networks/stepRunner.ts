/**
 * Multi-step input with a step counter and a Back button (#20: the Create wizard had
 * neither), after VS Code's own multi-step pattern (a QuickPick or InputBox with `step`,
 * `totalSteps` and `QuickInputButtons.Back`, put on screen by multiStepInput.ts; this file
 * has no `vscode`, so the order of steps is tested as plain code). Each step is a function of the answers so far
 * that asks one question and returns its answer, `BACK`, or undefined when the user
 * cancelled; a step may skip itself by returning `SKIP` (it then does not count).
 */
export const BACK = Symbol('back');
export const SKIP = Symbol('skip');
export type StepResult<T> = T | typeof BACK | typeof SKIP | undefined;

export interface StepContext {
  title: string;
  step: number;
  totalSteps: number;
}

export type Step<A> = (answers: Partial<A>, ctx: StepContext) => Promise<StepResult<A[keyof A]>>;

/**
 * Runs `steps` (one per key of `A`, in order) and returns all answers, or undefined when
 * the user cancelled. Back returns to the last step that was not skipped.
 */
export async function runSteps<A>(title: string, steps: Array<[keyof A, Step<A>]>): Promise<A | undefined> {
  const answers: Partial<A> = {};
  const visited: number[] = [];
  /** Steps that skipped themselves: they do not count in `totalSteps`. */
  const skipped = new Set<number>();
  let i = 0;
  while (i < steps.length) {
    const [key, step] = steps[i];
    const result = await step(answers, { title, step: visited.length + 1, totalSteps: steps.length - skipped.size });
    if (result === undefined) return undefined;
    if (result === BACK) {
      const previous = visited.pop();
      if (previous === undefined) continue;
      for (let j = previous; j < steps.length; j++) {
        delete answers[steps[j][0]];
        skipped.delete(j);
      }
      i = previous;
      continue;
    }
    if (result === SKIP) {
      skipped.add(i);
    } else {
      answers[key] = result as A[keyof A];
      visited.push(i);
    }
    i++;
  }
  return answers as A;
}

