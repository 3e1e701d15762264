/**
 * The photo filter's Web Worker: the handlers of photoFilterApi.ts, exposed
 * through comlink. Results hand their buffers over (transfer) instead of
 * copying them, and requests yield through a MessageChannel, which browsers
 * do not clamp as they clamp timers.
 */
import { expose, transfer } from 'comlink';
import { createPhotoFilterApi, type PhotoFilterApi } from './photoFilterApi';
import { createMessageYield } from './latest';

const api = createPhotoFilterApi({ yieldToEventLoop: createMessageYield() });

const exposed: PhotoFilterApi = {
  ...api,
  async decode(blob) {
    const outcome = await api.decode(blob);
    return outcome.ok ? transfer(outcome, [outcome.rgba.buffer]) : outcome;
  },
  async filter(request) {
    const outcome = await api.filter(request);
    return outcome.status === 'done' ? transfer(outcome, [outcome.values.buffer, outcome.rgba.buffer]) : outcome;
  },
};

expose(exposed);
