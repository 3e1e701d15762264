import type { AxisRow, RecurrenceFormula, StackInfo } from '../../../engine';
import type { RfWords } from './messages';

function num(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
}

/** A per-axis number: one value when both axes agree, `h × w` otherwise. */
function both(h: number, w: number): string {
  return h === w ? num(h) : `${num(h)} × ${num(w)}`;
}

function term(f: RecurrenceFormula, id: string): string {
  return num(f.terms.find((x) => x.id === id)?.value ?? 0);
}

/**
 * One axis's recurrence (Araujo et al., Distill 2019; `AxisRow`), each with
 * the engine's own numbers substituted.
 */
export function recurrenceLines(a: AxisRow): string[] {
  const { size: r, jump: j, start: c, outSize: o } = a.formulas;
  const ceil = a.window.ceilMode ? ` + (${term(o, 's')} − 1)` : '';
  return [
    `r_l = r_(l−1) + (k_l − 1)·d_l·j_(l−1) = ${term(r, 'rPrev')} + (${term(r, 'k')} − 1)·${term(r, 'd')}·${term(r, 'jPrev')} = ${num(r.result)}`,
    `j_l = j_(l−1)·s_l = ${term(j, 'jPrev')}·${term(j, 's')} = ${num(j.result)}`,
    `c_l = c_(l−1) + ((k_l − 1)·d_l / 2 − p_l)·j_(l−1) = ${term(c, 'cPrev')} + ((${term(c, 'k')} − 1)·${term(c, 'd')} / 2 − ${term(c, 'p')})·${term(c, 'jPrev')} = ${num(c.result)}`,
    `o_l = ⌊(n + 2p − d(k − 1) − 1${a.window.ceilMode ? ' + (s − 1)' : ''}) / s⌋ + 1 = ⌊(${term(o, 'n')} + 2·${term(o, 'p')} − ${term(o, 'd')}·(${term(o, 'k')} − 1) − 1${ceil}) / ${term(o, 's')}⌋ + 1 = ${num(o.result)}`,
  ];
}

/** One axis when both axes compute the same numbers, else height and width. */
function axesOf(h: AxisRow, w: AxisRow): AxisRow[] {
  const same = (x: AxisRow, y: AxisRow) => recurrenceLines(x).join() === recurrenceLines(y).join();
  return same(h, w) ? [h] : [h, w];
}

/** The table of every layer (output, jump, field, start, parameters, multiply-adds) and the chosen layer's recurrence. */
export function RfTable({
  info,
  level,
  hide,
  t,
  onChooseLevel,
}: {
  info: StackInfo;
  /** The chosen cell's level (its row's recurrence is written out). */
  level: number | null;
  hide: boolean;
  t: RfWords;
  onChooseLevel: (level: number) => void;
}) {
  const w = t.rf.table;
  const q = w.hidden;
  const [c, h, wd] = info.input.shape;
  const chosen = level !== null && level > 0 ? info.rows[level - 1] : undefined;
  return (
    <section className="rf-table" aria-labelledby="rf-table-title">
      <h2 id="rf-table-title" className="panel-title">
        {w.title}
      </h2>
      <div className="rf-table-frame">
        <table>
          <thead>
            <tr>
              <th scope="col">{w.layer}</th>
              <th scope="col">{w.output}</th>
              <th scope="col">{w.jump}</th>
              <th scope="col">{w.size}</th>
              <th scope="col">{w.start}</th>
              <th scope="col">{w.params}</th>
              <th scope="col">{w.macs}</th>
            </tr>
          </thead>
          <tbody>
            {info.refusedLayer === -1 ? null : (
              <tr aria-current={level === 0 ? 'true' : undefined}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onChooseLevel(0)}>
                    {w.image}
                  </button>
                </th>
                <td>{`${c} × ${h} × ${wd}`}</td>
                <td>1</td>
                <td>1</td>
                <td>0</td>
                <td>0</td>
                <td>0</td>
              </tr>
            )}
            {info.rows.map((row) => (
              <tr key={row.index} aria-current={level === row.index + 1 ? 'true' : undefined} data-layer={row.index}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onChooseLevel(row.index + 1)}>
                    {`${row.index + 1} · ${t.rf.kinds[row.layer.kind]}`}
                  </button>
                </th>
                <td>{row.outShape.join(' × ')}</td>
                <td data-col="jump">{hide ? q : both(row.h.jump, row.w.jump)}</td>
                <td data-col="size">{hide ? q : both(row.h.size, row.w.size)}</td>
                <td data-col="start">{hide ? q : both(row.h.start, row.w.start)}</td>
                <td data-col="params">{hide ? q : row.params.toLocaleString('en-US')}</td>
                <td data-col="macs">{hide ? q : row.macs.toLocaleString('en-US')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chosen && !hide ? (
        <div className="rf-recurrence">
          <h3>{w.formulas(`${chosen.index + 1} · ${t.rf.kinds[chosen.layer.kind]}`)}</h3>
          {axesOf(chosen.h, chosen.w).map((a, _, all) => (
            <div key={a.axis}>
              {all.length > 1 ? <p className="rf-axis">{w.axis(a.axis)}</p> : null}
              {recurrenceLines(a).map((line) => (
                <p className="formula" key={line}>
                  {line}
                </p>
              ))}
            </div>
          ))}
        </div>
      ) : (
        <p className="hint">{hide ? t.rf.maps.hidden : w.pickRow}</p>
      )}
    </section>
  );
}
