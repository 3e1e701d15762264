import { memo } from 'react';
import { useMessages } from '../../useMessages';

export type LegendState =
  'active' | 'contributing' | 'target' | 'padding' | 'unvisited' | 'gap' | 'cropped' | 'pending' | 'kept';

/** What each mark means: every state has a colour and a second cue without colour. */
export const Legend = memo(function Legend({ states }: { states: readonly LegendState[] }) {
  const t = useMessages();
  const l = t.legend;
  return (
    <details className="legend">
      <summary>{l.title}</summary>
      <ul>
        {states.map((state) => (
          <li key={state}>
            <span className="cell legend-swatch" data-state={state} aria-hidden="true" />
            {l[state]}
          </li>
        ))}
      </ul>
      <p>{l.colour}</p>
    </details>
  );
});
