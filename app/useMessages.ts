import { messages, type Messages } from './i18n';
import { useAppStore } from './store/react';

/** Strings in the reader's current language. */
export function useMessages(): Messages {
  return messages(useAppStore((s) => s.lang));
}
