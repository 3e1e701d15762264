// First, before anything reads the address: a reload reopens the edit that was still pending.
import './restorePendingLink';
// Then, before React and the app are evaluated: start fetching the linked lesson.
import './startLesson';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppFailed, FailureBoundary } from '../components/FailureBoundary';
import { App } from './App';
import { detectLang } from './i18n';
import { createAppStore } from './store/appStore';
import { StoreProvider } from './store/react';
import './styles.css';

const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
const store = createAppStore({
  lang: detectLang(navigator.languages ?? [navigator.language]),
  theme: prefersDark ? 'dark' : 'light',
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <StoreProvider store={store}>
        <FailureBoundary where="app" fallback={() => <AppFailed />}>
          <App />
        </FailureBoundary>
      </StoreProvider>
    </StrictMode>,
  );
}
