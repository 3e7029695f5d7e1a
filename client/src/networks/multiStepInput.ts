import * as vscode from 'vscode';

import { BACK, type StepContext, type StepResult } from './stepRunner';

/** One text question of a multi-step input. */
export function askText(ctx: StepContext, options: { prompt: string; value?: string; placeholder?: string; validate?: (v: string) => string | undefined }): Promise<StepResult<string>> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    box.title = ctx.title;
    box.step = ctx.step;
    box.totalSteps = ctx.totalSteps;
    box.prompt = options.prompt;
    box.placeholder = options.placeholder;
    box.value = options.value ?? '';
    box.ignoreFocusOut = true;
    box.buttons = ctx.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    let done = false;
    const finish = (r: StepResult<string>): void => {
      if (done) return;
      done = true;
      resolve(r);
      box.dispose();
    };
    const check = (v: string): string | undefined => options.validate?.(v);
    box.validationMessage = box.value ? check(box.value) : undefined;
    box.onDidChangeValue((v) => (box.validationMessage = check(v)));
    box.onDidAccept(() => {
      const error = check(box.value);
      box.validationMessage = error;
      if (!error) finish(box.value);
    });
    box.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && finish(BACK));
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}

/** One choice (or several, with `many`) of a multi-step input. */
export function askPick<I extends vscode.QuickPickItem>(ctx: StepContext, items: readonly I[], options: { placeholder: string; many?: boolean; selected?: readonly I[] }): Promise<StepResult<I[]>> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<I>();
    pick.title = ctx.title;
    pick.step = ctx.step;
    pick.totalSteps = ctx.totalSteps;
    pick.placeholder = options.placeholder;
    pick.items = items;
    pick.canSelectMany = options.many === true;
    if (options.selected) pick.selectedItems = options.selected;
    pick.matchOnDescription = true;
    pick.ignoreFocusOut = true;
    pick.buttons = ctx.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    let done = false;
    const finish = (r: StepResult<I[]>): void => {
      if (done) return;
      done = true;
      resolve(r);
      pick.dispose();
    };
    pick.onDidAccept(() => {
      const chosen = pick.canSelectMany ? [...pick.selectedItems] : [...pick.activeItems];
      if (pick.canSelectMany || chosen.length > 0) finish(chosen);
    });
    pick.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && finish(BACK));
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}
