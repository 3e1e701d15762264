/**
 * The first-load reference of `npm run bench:ui`: the smallest React page that
 * paints one 5×5 grid of numbers, built with the app's own toolchain (Vite,
 * React 19, the same target). Every route of the app is held against it.
 */
import { createRoot } from 'react-dom/client';

const SIZE = 5;

function Grid() {
  return (
    <div
      role="grid"
      aria-label="Input"
      style={{ display: 'inline-grid', gridTemplateColumns: `repeat(${SIZE}, 2.5rem)` }}
    >
      {Array.from({ length: SIZE }, (_, r) => (
        <div role="row" key={r} style={{ display: 'contents' }}>
          {Array.from({ length: SIZE }, (_, c) => (
            <div role="gridcell" key={c} style={{ border: '1px solid #999', padding: '0.5rem', textAlign: 'center' }}>
              {(r * SIZE + c) % 7}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Grid />);
