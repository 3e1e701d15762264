// First, before React and the app are evaluated: start fetching the linked lesson.
import './startLesson';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
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
        <App />
      </StoreProvider>
    </StrictMode>,
  );
}
