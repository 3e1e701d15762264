import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type SyntheticEvent,
} from 'react';
import { parseBlock, parseCellInput, type ParseError, type PasteReport } from '../../app/parseNumbers';
import type { CellState, GridCellView } from '../figures/figureModel';
import { useAfterPaint } from '../../app/useAfterPaint';
import { useOnScreen } from './onScreen';

export interface MatrixGridStrings {
  readonly invalid: (error: ParseError) => string;
  readonly cellLabel: (row: number, col: number, text: string, mark: string | undefined) => string;
  /** How a pasted block was read ("Read 3 rows × 4 columns, decimal commas."); no notice without it. */
  readonly pasted?: (report: PasteReport) => string;
}

/**
 * A matrix to draw. `cells` is read only when the grid draws this matrix, so
 * a figure may compute it on first read (a getter): cells of a grid that is
 * off screen are then made in the background, not in the frame of an edit.
 */
export interface GridMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly cells: readonly GridCellView[];
}

export interface MatrixGridProps {
  readonly id: string;
  /** Accessible name: what the matrix is ("Input", "Kernel", …). */
  readonly label: string;
  readonly caption?: string;
  /** Shape and cells; a new object means new contents. */
  readonly matrix: GridMatrix;
  readonly strings: MatrixGridStrings;
  readonly onCommit?: (index: number, value: number) => void;
  readonly onPasteBlock?: (index: number, block: number[][]) => void;
  readonly onHover?: (index: number | null) => void;
}

/**
 * One cell. Its props are plain values, so a cell whose text and state did
 * not change is not rendered again (a 16×16×4×2 figure has thousands).
 */
const Cell = memo(function Cell({
  index,
  row,
  col,
  cellLabel,
  mark,
  text,
  state,
  fill,
  note,
  pad,
  editable,
  readOnly,
  tabbable,
  editor,
}: {
  index: number;
  row: number;
  col: number;
  cellLabel: MatrixGridStrings['cellLabel'];
  mark: string | undefined;
  text: string;
  state: CellState;
  fill: string | null;
  note: string | undefined;
  pad: string | undefined;
  editable: boolean;
  readOnly: boolean;
  tabbable: boolean;
  /** The editor, while this cell is being edited: it takes the value's place in the same element. */
  editor?: ReactNode;
}) {
  return (
    <div
      role="gridcell"
      aria-label={cellLabel(row, col, text, mark)}
      aria-readonly={readOnly}
      data-index={index}
      data-state={state}
      data-editable={editable ? 'true' : undefined}
      data-pad={pad}
      tabIndex={tabbable ? 0 : -1}
      className="cell"
      style={fill ? { backgroundColor: fill } : undefined}
    >
      {editor ?? (
        <>
          <span className="cell-value">{text}</span>
          {note ? <span className="cell-note">{note}</span> : null}
        </>
      )}
    </div>
  );
});

/** The flat index of the cell an event happened in, if any. */
function cellIndexOf(e: SyntheticEvent): number | null {
  const el = (e.target as HTMLElement | null)?.closest?.('[data-index]');
  const raw = el?.getAttribute('data-index');
  return raw === null || raw === undefined ? null : Number(raw);
}

/**
 * An editable matrix as an ARIA grid. Arrow keys move, Enter or typing a
 * number edits, Enter commits and Escape cancels. A non-number keeps the text
 * and says what is wrong. Pasting a block fills the grid from the focused cell.
 * Events are handled once on the grid, not per cell.
 *
 * A grid on screen (or being edited) draws every change in the frame of the
 * edit. A grid scrolled away catches up in a background render once that
 * frame is painted, so a figure of thousands of cells shows the user what they
 * are looking at first; until it has caught up it carries `data-stale`.
 */
export const MatrixGrid = memo(function MatrixGrid(props: MatrixGridProps) {
  const { id, label, caption, strings, onCommit, onPasteBlock, onHover } = props;
  const [cursor, setCursor] = useState(0);
  const [editing, setEditing] = useState<{ index: number; text: string } | null>(null);
  const [error, setError] = useState<ParseError | null>(null);
  const [pasted, setPasted] = useState<PasteReport | null>(null);
  const figureRef = useRef<HTMLElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  /** Set while Escape closes the editor, so the blur that follows does not commit. */
  const cancelling = useRef(false);

  // Shape and cells lag together, so they never disagree. A grid being edited
  // is where the user is looking, whatever the observer last said.
  const current = props.matrix;
  const onScreen = useOnScreen(figureRef);
  const drawn = useAfterPaint(current, onScreen || editing !== null);
  const { rows, cols, cells } = drawn;
  const active = Math.min(cursor, Math.max(0, rows * cols - 1));
  const editable = onCommit !== undefined;

  /** Moves the keyboard to a cell; `scroll` brings it into view (arrow keys), otherwise it stays where it is. */
  const focusCell = useCallback((index: number, scroll = true) => {
    setCursor(index);
    gridRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus({ preventScroll: !scroll });
  }, []);

  useEffect(() => {
    if (editing) gridRef.current?.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
  }, [editing]);

  const startEdit = (index: number, text: string) => {
    if (!cells[index]?.editable || !onCommit) return false;
    setEditing({ index, text });
    return true;
  };

  const commit = () => {
    if (!editing) return;
    const parsed = parseCellInput(editing.text);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    onCommit?.(editing.index, parsed.value);
    setEditing(null);
    setError(null);
    focusCell(editing.index, false);
  };

  const cancel = () => {
    const index = editing?.index ?? active;
    cancelling.current = true;
    setEditing(null);
    setError(null);
    focusCell(index, false);
    cancelling.current = false;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = cellIndexOf(e);
    if (index === null || editing?.index === index) return;
    const r = Math.floor(index / cols);
    const c = index % cols;
    const move = (nr: number, nc: number) => {
      e.preventDefault();
      e.stopPropagation();
      focusCell(Math.max(0, Math.min(rows - 1, nr)) * cols + Math.max(0, Math.min(cols - 1, nc)));
    };
    switch (e.key) {
      case 'ArrowUp':
        return move(r - 1, c);
      case 'ArrowDown':
        return move(r + 1, c);
      case 'ArrowLeft':
        return move(r, c - 1);
      case 'ArrowRight':
        return move(r, c + 1);
      case 'Enter':
      case 'F2':
        if (startEdit(index, cells[index]?.text ?? '')) {
          e.preventDefault();
          e.stopPropagation();
        }
        return;
      default:
        if (/^[0-9.\-+]$/.test(e.key) && !e.ctrlKey && !e.metaKey && startEdit(index, e.key)) {
          e.preventDefault();
          e.stopPropagation();
        }
    }
  };

  const editor = editing ? (
    <input
      className="cell-input"
      aria-label={strings.cellLabel(
        Math.floor(editing.index / cols),
        editing.index % cols,
        cells[editing.index]?.text ?? '',
        undefined,
      )}
      aria-invalid={error !== null}
      aria-describedby={error ? `${id}-error` : undefined}
      inputMode="decimal"
      value={editing.text}
      onChange={(e) => {
        setEditing({ index: editing.index, text: e.target.value });
        setError(null);
      }}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          cancel();
        }
      }}
      onBlur={() => {
        // Leaving a valid edit commits it; an invalid one stays open with its message.
        if (!cancelling.current && parseCellInput(editing.text).ok) commit();
      }}
    />
  ) : null;

  // The rows are the bulk of the work: while nothing is being edited they are
  // made again only when what the grid draws, or the tab stop, changes.
  const idleRows = useMemo(
    () => (editing ? null : gridRows(drawn, active, null, null, editable, strings.cellLabel)),
    [drawn, active, editing, editable, strings.cellLabel],
  );
  const body = idleRows ?? gridRows(drawn, active, editing?.index ?? null, editor, editable, strings.cellLabel);

  return (
    <figure
      ref={figureRef}
      className="matrix"
      style={{
        // The size an off-screen (skipped) matrix keeps: its cells, gaps and caption.
        containIntrinsicSize: `auto calc(${cols} * (var(--cell) + 2px) + 6px) calc(${rows} * (var(--cell) + 2px) + 6px + 1.5rem)`,
      }}
    >
      {caption ? <figcaption className="matrix-caption">{caption}</figcaption> : null}
      <div
        ref={gridRef}
        id={id}
        role="grid"
        aria-label={label}
        aria-rowcount={rows}
        aria-colcount={cols}
        className="matrix-grid"
        data-stale={drawn === current ? undefined : 'true'}
        style={{ gridTemplateColumns: `repeat(${cols}, var(--cell))` }}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          const index = cellIndexOf(e);
          if (index === null || editing?.index === index) return;
          setCursor(index);
          onHover?.(index);
        }}
        onMouseOver={(e) => {
          const index = cellIndexOf(e);
          if (index !== null) onHover?.(index);
        }}
        onMouseLeave={() => onHover?.(null)}
        onClick={(e) => {
          const index = cellIndexOf(e);
          if (index === null || editing?.index === index) return;
          setCursor(index);
          startEdit(index, cells[index]?.text ?? '');
        }}
        onPaste={(e) => {
          if (!onPasteBlock || editing) return;
          // The block is clipped to the room from the focused cell to the grid's last row and column.
          const room = { rows: rows - Math.floor(active / cols), cols: cols - (active % cols) };
          const parsed = parseBlock(e.clipboardData.getData('text/plain'), room);
          e.preventDefault();
          if (parsed.ok) {
            const { values, rows: blockRows, cols: blockCols, decimalComma } = parsed.value;
            onPasteBlock(active, values);
            setError(null);
            setPasted({
              rows: blockRows,
              cols: blockCols,
              keptRows: values.length,
              keptCols: Math.min(blockCols, room.cols),
              decimalComma,
            });
          } else {
            setError(parsed.error);
            setPasted(null);
          }
        }}
      >
        {body}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="matrix-error">
          {strings.invalid(error)}
        </p>
      ) : null}
      {onPasteBlock && strings.pasted ? (
        // Always present, so a screen reader announces the notice when it appears.
        <p role="status" className="matrix-status">
          {pasted ? strings.pasted(pasted) : null}
        </p>
      ) : null}
    </figure>
  );
});

/** The grid's rows of cells; the cell being edited holds the editor instead. */
function gridRows(
  { rows, cols, cells }: GridMatrix,
  active: number,
  editingIndex: number | null,
  editor: ReactNode,
  editable: boolean,
  cellLabel: MatrixGridStrings['cellLabel'],
): ReactNode {
  return Array.from({ length: rows }, (_, r) => (
    <div role="row" key={r} className="matrix-row" aria-rowindex={r + 1}>
      {Array.from({ length: cols }, (_, c) => {
        const index = r * cols + c;
        const cell = cells[index];
        if (!cell) return null;
        return (
          <Cell
            key={c}
            index={index}
            row={r}
            col={c}
            cellLabel={cellLabel}
            mark={cell.mark}
            text={cell.text}
            state={cell.state}
            fill={cell.fill}
            note={cell.note}
            pad={cell.pad}
            editable={cell.editable}
            readOnly={!cell.editable || !editable}
            tabbable={index === active}
            {...(editingIndex === index ? { editor } : {})}
          />
        );
      })}
    </div>
  ));
}

/**
 * The cells a pasted block covers, starting at flat index `start` of a
 * rows × cols grid and clipped to it, as [local index, value] pairs.
 */
export function pastedCells(
  start: number,
  rows: number,
  cols: number,
  block: readonly (readonly number[])[],
): [number, number][] {
  const r0 = Math.floor(start / cols);
  const c0 = start % cols;
  const out: [number, number][] = [];
  block.forEach((row, dr) =>
    row.forEach((value, dc) => {
      if (r0 + dr < rows && c0 + dc < cols) out.push([(r0 + dr) * cols + c0 + dc, value]);
    }),
  );
  return out;
}
