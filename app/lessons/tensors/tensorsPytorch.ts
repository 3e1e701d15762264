/**
 * "Copy as PyTorch": the program itself after `import torch`, runnable as it
 * is; when it runs to the end, a print of every name shows what the console
 * shows in its table.
 */
import { runOf } from './tensorsRun';
import type { TensorsState } from './tensorsState';

export function tensorsPytorchCode(state: TensorsState): string {
  const run = runOf(state.source);
  const body = state.source.replace(/\s+$/, '');
  const names = run.ok ? Object.keys(run.state.names) : [];
  const prints = names.map((n) => `print(${JSON.stringify(`${n} =`)}, ${n})`);
  return ['import torch', '', body, ...(prints.length ? ['', ...prints] : []), ''].join('\n');
}
