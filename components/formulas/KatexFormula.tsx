import { useEffect, useRef, useState } from 'react';
import { afterNextPaint } from '../../app/clock';
import { queueTypeset, typesetInto } from './typeset';

type Katex = typeof import('katex').default;
let katexPromise: Promise<Katex> | null = null;

/** KaTeX and its stylesheet load on first use, not with the page. */
function loadKatex(): Promise<Katex> {
  katexPromise ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([m]) => m.default);
  return katexPromise;
}

/**
 * Renders a formula the app composed from numbers (never from user text).
 * Terms wrapped in `\htmlClass{term-X}{…}` report X on hover so the figure can
 * highlight what the term stands for.
 */
export function KatexFormula({
  tex,
  label,
  onTerm,
}: {
  tex: string;
  label: string;
  onTerm?: (term: string | null) => void;
}) {
  const ref = useRef<HTMLSpanElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    let cancelTypeset = () => {};
    loadKatex()
      .then((katex) => {
        if (cancelled) return;
        // Typeset after the figure has painted: an edit shows in the figure first.
        cancelTypeset = afterNextPaint(() => {
          cancelTypeset = queueTypeset(() => {
            if (cancelled || !ref.current) return false;
            return typesetInto(tex, ref.current, (source, into) =>
              katex.render(source, into, {
                displayMode: true,
                throwOnError: false,
                strict: 'ignore',
                output: 'htmlAndMathml',
                trust: (ctx) => ctx.command === '\\htmlClass',
              }),
            );
          });
        });
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      cancelTypeset();
    };
  }, [tex]);
  const termAt = (target: EventTarget | null): string | null => {
    const el = (target as HTMLElement | null)?.closest?.('[class*="term-"]');
    const cls = el ? [...el.classList].find((c) => c.startsWith('term-')) : undefined;
    return cls ? cls.slice(5) : null;
  };
  return (
    <span
      className="formula"
      role="math"
      aria-label={label}
      onMouseOver={(e) => onTerm?.(termAt(e.target))}
      onMouseLeave={() => onTerm?.(null)}
    >
      {failed ? <code>{label}</code> : <span ref={ref} />}
    </span>
  );
}
