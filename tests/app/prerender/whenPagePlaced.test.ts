// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenPagePlaced } from '../../../app/prerender/whenPagePlaced';

/** The document as the browser has it while it still parses the page, or after. */
let readyState: DocumentReadyState = 'loading';

/** MutationObserver callbacks run as a microtask after the change. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe("whenPagePlaced: the app starts once this visit's page is in #root, not once the whole page is parsed", () => {
  beforeEach(() => {
    readyState = 'loading';
    vi.spyOn(document, 'readyState', 'get').mockImplementation(() => readyState);
    document.body.innerHTML = '';
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('starts at once when the chooser has already copied the page into #root', () => {
    document.body.innerHTML = '<div id="root" data-prerendered="conv/en/light"></div>';
    const start = vi.fn();
    whenPagePlaced(document, start);
    expect(start).toHaveBeenCalledTimes(1);
    expect(start).toHaveBeenCalledWith(document.getElementById('root'));
  });

  it('waits while the page is parsed, and starts when the chooser places the page, before the parse ends', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const start = vi.fn();
    whenPagePlaced(document, start);
    await settle();
    expect(start).not.toHaveBeenCalled();

    document.getElementById('root')!.dataset.prerendered = 'conv/en/light';
    await settle();
    expect(start).toHaveBeenCalledTimes(1);

    // The parse ends later: the app has started once, and does not start again.
    readyState = 'interactive';
    document.dispatchEvent(new Event('DOMContentLoaded'));
    await settle();
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('runs before <body> exists, and starts a route the build did not prerender once the page has been parsed', async () => {
    document.body.remove();
    const start = vi.fn();
    whenPagePlaced(document, start);
    document.documentElement.append(document.createElement('body'));
    document.body.innerHTML = '<div id="root"></div>';
    await settle();
    expect(start).not.toHaveBeenCalled();

    readyState = 'interactive';
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(start).toHaveBeenCalledTimes(1);
    expect(start).toHaveBeenCalledWith(document.getElementById('root'));
  });

  it('never starts on a page without #root', async () => {
    const start = vi.fn();
    whenPagePlaced(document, start);
    readyState = 'interactive';
    document.dispatchEvent(new Event('DOMContentLoaded'));
    await settle();
    expect(start).not.toHaveBeenCalled();
  });
});
