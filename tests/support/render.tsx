import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createAppStore, type StoreOptions } from '../../app/store/appStore';
import { StoreProvider } from '../../app/store/react';

/** Renders a tree with a fresh store of its own. */
export function renderWithStore(ui: ReactElement, options: StoreOptions = {}) {
  const store = createAppStore(options);
  return { store, ...render(<StoreProvider store={store}>{ui}</StoreProvider>) };
}
