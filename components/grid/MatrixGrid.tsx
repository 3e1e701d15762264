import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { parseBlock, parseCellInput, type ParseError } from '../../app/parseNumbers';
import type { CellState } from '../figures/figureModel';

/** One cell as the grid draws it. */
export interface GridCellView {
  readonly text: string;
  readonly state: CellState;
  readonly fill: string | null;
  readonly editable: boolean;
  /** A short word that tells the state without colour (screen readers and the corner mark). */
  readonly mark?: string;
  /** Small note under the value (e.g. which cell a padding cell copies). */
  readonly note?: string;
}

export interface MatrixGridStrings {
  readonly invalid: (error: ParseError) => string;
  readonly cellLabel: (row: number, col: number, text: string, mark: string | undefined) => string;
}

export interface MatrixGridProps {
  readonly id: string;
  /** Accessible name: what the matrix is ("Input", "Kernel", …). */
  readonly label: string;
  readonly caption?: string;
  readonly rows: number;
  readonly cols: number;
  readonly cells: readonly GridCellView[];
  readonly strings: MatrixGridStrings;
  readonly onCommit?: (index: number, value: number) => void;
  readonly onPasteBlock?: (index: number, block: number[][]) => void;
  readonly onHover?: (index: number | null) => void;
}

/**
 * An editable matrix as an ARIA grid. Arrow keys move, Enter or typing a
 * number edits, Enter commits and Escape cancels. A non-number keeps the text
 * and says what is wrong. Pasting a block fills the grid from the focused cell.
 */
export const MatrixGrid = memo(function MatrixGrid(props: MatrixGridProps) {
  const { id, label, caption, rows, cols, cells, strings, onCommit, onPasteBlock, onHover } = props;
  const [cursor, setCursor] = useState(0);
  const [editing, setEditing] = useState<{ index: number; text: string } | null>(null);
  const [error, setError] = useState<ParseError | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const active = Math.min(cursor, Math.max(0, rows * cols - 1));

  const focusCell = useCallback((index: number) => {
    setCursor(index);
    const el = gridRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    el?.focus();
  }, []);

  useEffect(() => {
    if (editing) gridRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, [editing]);

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
    focusCell(editing.index);
  };

  const cancel = () => {
    const index = editing?.index ?? active;
    setEditing(null);
    setError(null);
    focusCell(index);
  };

  const onCellKey = (e: KeyboardEvent<HTMLDivElement>, index: number) => {
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
        if (cells[index]?.editable && onCommit) {
          e.preventDefault();
          e.stopPropagation();
          setEditing({ index, text: cells[index]?.text ?? '' });
        }
        return;
      default:
        if (/^[0-9.\-+]$/.test(e.key) && !e.ctrlKey && !e.metaKey && cells[index]?.editable && onCommit) {
          e.preventDefault();
          e.stopPropagation();
          setEditing({ index, text: e.key });
        }
    }
  };

  return (
    <figure className="matrix">
      {caption ? <figcaption className="matrix-caption">{caption}</figcaption> : null}
      <div
        ref={gridRef}
        id={id}
        role="grid"
        aria-label={label}
        aria-rowcount={rows}
        aria-colcount={cols}
        className="matrix-grid"
        style={{ gridTemplateColumns: `repeat(${cols}, var(--cell))` }}
        onMouseLeave={() => onHover?.(null)}
        onPaste={(e) => {
          if (!onPasteBlock || editing) return;
          const parsed = parseBlock(e.clipboardData.getData('text/plain'));
          e.preventDefault();
          if (parsed.ok) {
            onPasteBlock(active, parsed.value);
            setError(null);
          } else setError(parsed.error);
        }}
      >
        {Array.from({ length: rows }, (_, r) => (
          <div role="row" key={r} className="matrix-row" aria-rowindex={r + 1}>
            {Array.from({ length: cols }, (_, c) => {
              const index = r * cols + c;
              const cell = cells[index];
              if (!cell) return null;
              const isEditing = editing?.index === index;
              return (
                <div
                  key={c}
                  role="gridcell"
                  aria-colindex={c + 1}
                  aria-label={strings.cellLabel(r, c, cell.text, cell.mark)}
                  aria-readonly={!cell.editable || !onCommit}
                  data-index={index}
                  data-state={cell.state}
                  data-editable={cell.editable ? 'true' : undefined}
                  tabIndex={index === active ? 0 : -1}
                  className="cell"
                  style={cell.fill ? { background: cell.fill } : undefined}
                  onKeyDown={(e) => onCellKey(e, index)}
                  onFocus={() => {
                    setCursor(index);
                    onHover?.(index);
                  }}
                  onMouseEnter={() => onHover?.(index)}
                  onClick={() => {
                    setCursor(index);
                    if (cell.editable && onCommit && !isEditing) setEditing({ index, text: cell.text });
                  }}
                >
                  {isEditing ? (
                    <input
                      className="cell-input"
                      aria-label={strings.cellLabel(r, c, cell.text, undefined)}
                      aria-invalid={error !== null}
                      aria-describedby={error ? `${id}-error` : undefined}
                      inputMode="decimal"
                      value={editing.text}
                      onChange={(e) => {
                        setEditing({ index, text: e.target.value });
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
                        if (parseCellInput(editing.text).ok) commit();
                      }}
                    />
                  ) : (
                    <>
                      <span className="cell-value">{cell.text}</span>
                      {cell.note ? <span className="cell-note">{cell.note}</span> : null}
                    </>
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="matrix-error">
          {strings.invalid(error)}
        </p>
      ) : null}
    </figure>
  );
});
