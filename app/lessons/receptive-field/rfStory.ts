/**
 * Checkpoint answers of the narrative, read off the engine's table of the
 * step's own stack, so they cannot disagree with what the lesson shows.
 */
import { stackInfo, type LayerStack } from '../../../engine/layerStack';
import { answerMatches } from '../kit/story';
import type { CheckpointKind } from './rfState';

export function checkpointAnswer(kind: CheckpointKind, stack: LayerStack): { values: number[]; text: string } {
  const info = stackInfo(stack);
  const last = info.rows[info.rows.length - 1];
  switch (kind) {
    case 'fieldSize':
      return { values: [last?.h.size ?? 1], text: String(last?.h.size ?? 1) };
    case 'jump':
      return { values: [last?.h.jump ?? 1], text: String(last?.h.jump ?? 1) };
    case 'params': {
      const total = info.rows.reduce((s, r) => s + r.params, 0);
      return { values: [total], text: total.toLocaleString('en-US') };
    }
  }
}

/** Whether a typed prediction is the answer; "110,592" and "110592" both read as one number. */
export function checkpointMatches(kind: CheckpointKind, stack: LayerStack, typed: string): boolean {
  const plain = typed.normalize('NFKC').replace(/(\d)[,_\s](?=\d{3}\b)/g, '$1');
  return answerMatches(plain, checkpointAnswer(kind, stack).values);
}
