import { useMessages } from '../../app/useMessages';

/** What each mark means: every state has a colour and a second cue without colour. */
export function Legend() {
  const t = useMessages();
  const l = t.conv.legend;
  const items = [
    ['active', l.active],
    ['contributing', l.contributing],
    ['target', l.target],
    ['padding', l.padding],
    ['unvisited', l.unvisited],
    ['gap', l.gap],
  ] as const;
  return (
    <details className="legend">
      <summary>{l.title}</summary>
      <ul>
        {items.map(([state, text]) => (
          <li key={state}>
            <span className="cell legend-swatch" data-state={state} aria-hidden="true" />
            {text}
          </li>
        ))}
      </ul>
      <p>{l.colour}</p>
    </details>
  );
}
