/**
 * The effective field's Web Worker: a backward pass through a deep stack takes
 * hundreds of milliseconds (`npx tsx scripts/bench-rf.ts`), longer than the
 * 50 ms a frame may be blocked, so it runs here. Each request answers with
 * its id; the page draws only the newest.
 */
import { computeField, type FieldRequest } from './fieldJob';

self.onmessage = (e: MessageEvent<FieldRequest>) => {
  const answer = computeField(e.data);
  if (answer.ok) self.postMessage(answer, { transfer: [answer.magnitude.buffer] });
  else self.postMessage(answer);
};
