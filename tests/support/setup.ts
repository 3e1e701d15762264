import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Each component test starts from an empty document (Vitest runs without globals).
afterEach(() => {
  if (typeof document !== 'undefined') cleanup();
});
