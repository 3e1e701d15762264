import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { AppState, AppStore } from './appStore';

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore must be used inside <StoreProvider>');
  return store;
}

/**
 * Subscribes to a narrow slice of the store.
 *
 * The server's snapshot is the store as it is, not as it was created (zustand's own `useStore`
 * reads `getInitialState()` there): the app and the build's prerendering both put the link into
 * the store before their first render (`openLink`), and hydration must read that state, or every
 * subscriber would render the store's creation state first and then again with the link's.
 */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  const store = useAppStoreApi();
  const snapshot = () => selector(store.getState());
  return useSyncExternalStore(store.subscribe, snapshot, snapshot);
}
