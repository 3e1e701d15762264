import { StrictMode, useEffect } from 'react';
import { AppFailed, FailureBoundary } from '../components/FailureBoundary';
import { App } from './App';
import type { AppStore } from './store/appStore';
import { StoreProvider } from './store/react';

export interface AppRootProps {
  readonly store: AppStore;
  /** The link to render where there is no address bar: the build's prerendering of a route. */
  readonly initialHash?: string;
  /** Called once the app's first render is on screen. */
  readonly onShown?: () => void;
}

/**
 * The whole app as one tree: the page's start (`app/boot.tsx`) and the build's prerendering
 * (`app/prerender/renderRoutes.tsx`) render this same element, so a prerendered page is exactly
 * what the client's first render of the same link makes, and React can hydrate it.
 */
export function AppRoot({ store, initialHash, onShown }: AppRootProps) {
  useEffect(() => onShown?.(), [onShown]);
  return (
    <StrictMode>
      <StoreProvider store={store}>
        <FailureBoundary where="app" fallback={() => <AppFailed />}>
          <App {...(initialHash === undefined ? {} : { initialHash })} />
        </FailureBoundary>
      </StoreProvider>
    </StrictMode>
  );
}
