import { memo, useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { StackInfo } from '../../../engine';
import { useAppStore } from '../../store/react';
import { useRootStyleVersion } from './useRootStyle';
import type { RfWords } from './messages';
import type { RfCell } from './rfState';
import { MAP_CELL_STATES, type MapPicture } from './rfView';

/** Pixels one cell gets so the widest map (with its ring) fits `budget`, never below 3 nor above 28. */
export function cellPixels(pictures: readonly MapPicture[], budget: number): number {
  const widest = pictures.reduce((m, p) => Math.max(m, p.size[0] + 2 * p.margin, p.size[1] + 2 * p.margin), 1);
  return Math.max(3, Math.min(28, Math.floor(budget / widest)));
}

/** The fill of each state, read from the theme's CSS colours (the legend uses the same). */
interface Palette {
  readonly idle: string;
  readonly line: string;
  readonly active: string;
  readonly contributing: string;
  readonly target: string;
  readonly padding: string;
  readonly padLine: string;
  readonly bg: string;
}

function palette(el: Element): Palette {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    idle: v('--bg-subtle', '#f1f2f4'),
    line: v('--border', '#d3d6dd'),
    active: v('--c-active', '#0072b2'),
    contributing: v('--c-contrib', '#e69f00'),
    target: v('--c-target', '#009e73'),
    padding: v('--c-pad', '#e7e9ee'),
    padLine: v('--c-pad-line', '#b6bbc6'),
    bg: v('--bg-panel', '#ffffff'),
  };
}

function draw(canvas: HTMLCanvasElement, p: MapPicture, px: number): void {
  const ctx = canvas.getContext?.('2d');
  if (!ctx) return;
  const colours = palette(canvas);
  const W = p.size[1] + 2 * p.margin;
  const H = p.size[0] + 2 * p.margin;
  ctx.clearRect(0, 0, W * px, H * px);
  const lines = px >= 6;
  for (let r = 0; r < H; r++) {
    for (let c = 0; c < W; c++) {
      const state = MAP_CELL_STATES[p.states[r * W + c] ?? 0];
      const x = c * px;
      const y = r * px;
      switch (state) {
        case 'outside':
          ctx.fillStyle = colours.bg;
          ctx.fillRect(x, y, px, px);
          break;
        case 'padding':
          ctx.fillStyle = colours.padding;
          ctx.fillRect(x, y, px, px);
          ctx.strokeStyle = colours.padLine;
          ctx.lineWidth = 1;
          ctx.beginPath();
          ctx.moveTo(x, y + px);
          ctx.lineTo(x + px, y);
          ctx.stroke();
          break;
        case 'gap':
          ctx.fillStyle = colours.idle;
          ctx.fillRect(x, y, px, px);
          ctx.fillStyle = colours.contributing;
          ctx.beginPath();
          ctx.arc(x + px / 2, y + px / 2, Math.max(1, px / 6), 0, 2 * Math.PI);
          ctx.fill();
          break;
        case 'contributing':
        case 'target':
        case 'active':
          ctx.fillStyle = colours[state];
          ctx.fillRect(x, y, px, px);
          break;
        default:
          ctx.fillStyle = colours.idle;
          ctx.fillRect(x, y, px, px);
      }
      if (lines && state !== 'outside') {
        ctx.strokeStyle = colours.line;
        ctx.lineWidth = 1;
        ctx.strokeRect(x + 0.5, y + 0.5, px - 1, px - 1);
      }
    }
  }
  // The map's border, so the ring of padding reads as outside it.
  if (p.margin > 0) {
    ctx.strokeStyle = colours.padLine;
    ctx.lineWidth = 2;
    ctx.strokeRect(p.margin * px, p.margin * px, p.size[1] * px, p.size[0] * px);
  }
}

function rangeText(r: readonly [number, number] | null): string {
  return r ? `${r[0]}-${r[1]}` : '';
}

/**
 * One level's map: a canvas (a map can have 224 × 224 cells) in a frame of
 * its own that scrolls when it is wider than the page. The frame is
 * focusable: the arrow keys move the chosen cell, and its data attributes
 * say what is highlighted (`data-rows`, `data-cols`: the influencing extent).
 */
const LevelMap = memo(function LevelMap({
  picture,
  name,
  px,
  chosen,
  theme,
  label,
  onChoose,
  onHover,
}: {
  picture: MapPicture;
  name: string;
  px: number;
  chosen: RfCell | null;
  theme: number;
  label: string;
  onChoose: (cell: RfCell) => void;
  onHover: (cell: RfCell | null) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const { level, size, margin } = picture;
  const W = size[1] + 2 * margin;
  const H = size[0] + 2 * margin;
  useEffect(() => {
    if (canvas.current) draw(canvas.current, picture, px);
  }, [picture, px, theme]);
  // Bring the highlighted part into view when the map is larger than its frame.
  const here = chosen && chosen.level === level ? { row: chosen.row, col: chosen.col } : null;
  const focusRow = here?.row ?? (picture.rows ? (picture.rows[0] + picture.rows[1]) / 2 : null);
  const focusCol = here?.col ?? (picture.cols ? (picture.cols[0] + picture.cols[1]) / 2 : null);
  useEffect(() => {
    const f = frame.current;
    if (!f || focusRow === null || focusCol === null) return;
    if (f.scrollWidth > f.clientWidth) f.scrollLeft = (focusCol + margin + 0.5) * px - f.clientWidth / 2;
    if (f.scrollHeight > f.clientHeight) f.scrollTop = (focusRow + margin + 0.5) * px - f.clientHeight / 2;
  }, [focusRow, focusCol, margin, px]);

  const cellAt = (e: MouseEvent<HTMLCanvasElement>): RfCell | null => {
    const rect = e.currentTarget.getBoundingClientRect();
    const col = Math.floor((e.clientX - rect.left) / px) - margin;
    const row = Math.floor((e.clientY - rect.top) / px) - margin;
    return row >= 0 && row < size[0] && col >= 0 && col < size[1] ? { level, row, col } : null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    e.stopPropagation();
    const from = here ?? { row: (size[0] - 1) >> 1, col: (size[1] - 1) >> 1 };
    const row = Math.max(0, Math.min(size[0] - 1, from.row + (here ? m[0] : 0)));
    const col = Math.max(0, Math.min(size[1] - 1, from.col + (here ? m[1] : 0)));
    onChoose({ level, row, col });
  };
  return (
    <figure className="rf-map" data-level={level}>
      <figcaption>
        <span className="rf-map-name">{name}</span> <span className="rf-map-size">{`${size[0]} × ${size[1]}`}</span>
      </figcaption>
      <div
        ref={frame}
        className="rf-map-frame"
        role="application"
        aria-roledescription="feature map"
        aria-label={label}
        tabIndex={0}
        data-level={level}
        data-rows={rangeText(picture.rows)}
        data-cols={rangeText(picture.cols)}
        data-count={picture.count}
        data-chosen={here ? `${here.row}.${here.col}` : undefined}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (!here) onChoose({ level, row: (size[0] - 1) >> 1, col: (size[1] - 1) >> 1 });
        }}
      >
        <canvas
          ref={canvas}
          width={W * px}
          height={H * px}
          style={{ width: W * px, height: H * px }}
          aria-hidden="true"
          onClick={(e) => {
            const cell = cellAt(e);
            if (cell) onChoose(cell);
          }}
          onMouseMove={(e) => onHover(cellAt(e))}
          onMouseLeave={() => onHover(null)}
        />
      </div>
    </figure>
  );
});

/** Every level's map, the image first, at one cell size so their sizes compare. */
export function FeatureMaps({
  info,
  pictures,
  chosen,
  t,
  onChoose,
  onHover,
}: {
  info: StackInfo;
  pictures: readonly MapPicture[];
  chosen: RfCell | null;
  t: RfWords;
  onChoose: (cell: RfCell) => void;
  onHover: (cell: RfCell | null) => void;
}) {
  const presentation = useAppStore((s) => s.presentation);
  const theme = useRootStyleVersion();
  const px = cellPixels(pictures, presentation ? 460 : 300);
  const scrolls = pictures.some((p) => (p.size[1] + 2 * p.margin) * px > 340);
  const w = t.rf;
  return (
    <section className="rf-maps" aria-labelledby="rf-maps-title">
      <h2 id="rf-maps-title" className="panel-title">
        {w.maps.title}
      </h2>
      <p className="hint">{w.maps.hint}</p>
      {scrolls ? (
        <p className="hint" data-notice="map-scale">
          {w.maps.scroll(px)}
        </p>
      ) : null}
      <div className="rf-map-list">
        {pictures.map((p) => {
          const row = info.rows[p.level - 1];
          const name = row ? w.maps.after(p.level - 1, w.kinds[row.layer.kind]) : w.maps.image;
          return (
            <LevelMap
              key={p.level}
              picture={p}
              name={name}
              px={px}
              chosen={chosen}
              theme={theme}
              label={w.maps.label(name, p.size[0], p.size[1])}
              onChoose={onChoose}
              onHover={onHover}
            />
          );
        })}
      </div>
    </section>
  );
}
