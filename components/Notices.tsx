import type { Messages } from '../app/i18n';
import { TOO_LONG, UNKNOWN } from '../app/urlCodec';
import type { Notice } from '../app/store/noticeSlice';
import { useAppStore } from '../app/store/react';
import { useMessages } from '../app/useMessages';

function noticeText(t: Messages, n: Notice, list: (items: readonly string[]) => string): string {
  switch (n.kind) {
    case 'unknown-route':
      return t.home.unknownRoute;
    case 'newer-link':
      return t.notices.newerLink;
    case 'ignored-keys':
      return t.notices.ignoredKeys(
        list(n.keys.map((k) => (k === UNKNOWN ? t.notices.unknownKey : k === TOO_LONG ? t.notices.tooLong : k))),
      );
    case 'adjusted-keys':
      return t.notices.adjustedKeys(list(n.keys));
  }
}

/** Dismissible notices: what a link asked for that could not be honoured. */
export function Notices() {
  const t = useMessages();
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const lang = useAppStore((s) => s.lang);
  if (notices.length === 0) return null;
  // "a, b and c" in English, "a、b和c" in Chinese. Made only when there is a notice: the
  // first Intl.ListFormat of a page loads its locale data, which costs tens of milliseconds.
  const format = new Intl.ListFormat(lang, { type: 'conjunction' });
  const list = (items: readonly string[]) => format.format(items);
  return (
    <div className="notices" role="status">
      {notices.map((n) => (
        <p key={n.id} className="notice">
          <span>{noticeText(t, n, list)}</span>
          <button type="button" onClick={() => dismiss(n.id)}>
            {t.notices.dismiss}
          </button>
        </p>
      ))}
    </div>
  );
}
