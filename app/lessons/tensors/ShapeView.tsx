import type { ProgramRun, TensorInfo } from '../../../engine/autograd';
import { lineInput, lineTensor, shapeChange, type AxisFate } from './tensorsRun';
import { formatShape, formatValue } from './tensorText';
import type { TensorsWords } from './messages';

/**
 * A tensor drawn as nested boxes: each dim before the last two is a box
 * holding its slices (dim 0 outermost), the last two dims a grid of values.
 * A box whose axis the line added is marked `data-fate="new"` (and grows in);
 * one the line removed, on the base, `removed`.
 */
function Boxes({
  shape,
  data,
  fates,
  dim,
}: {
  shape: readonly number[];
  data: readonly number[];
  fates: readonly AxisFate[];
  dim: number;
}) {
  const rest = shape.slice(dim);
  if (rest.length <= 2) {
    const rows = rest.length === 2 ? (rest[0] ?? 1) : 1;
    const cols = rest.length === 0 ? 1 : (rest[rest.length - 1] ?? 1);
    return (
      <div
        className="shape-grid"
        style={{ gridTemplateColumns: `repeat(${cols}, var(--shape-cell))` }}
        data-fate={
          rest.length === 2 ? (fates[dim] === 'new' || fates[dim + 1] === 'new' ? 'new' : undefined) : undefined
        }
      >
        {Array.from({ length: rows * cols }, (_, i) => (
          <span key={i} className="shape-cell">
            {formatValue(data[i] ?? 0)}
          </span>
        ))}
      </div>
    );
  }
  const n = rest[0] ?? 1;
  const size = rest.slice(1).reduce((a, b) => a * b, 1);
  return (
    <div className="shape-box" data-fate={fates[dim]} data-dir={dim % 2 === 0 ? 'row' : 'column'}>
      <span className="shape-box-label">dim {dim}</span>
      {Array.from({ length: n }, (_, i) => (
        <Boxes key={i} shape={shape} data={data.slice(i * size, (i + 1) * size)} fates={fates} dim={dim + 1} />
      ))}
    </div>
  );
}

function DimChips({ t, shape, fates }: { t: TensorsWords; shape: readonly number[]; fates: readonly AxisFate[] }) {
  const w = t.tensors.shapes;
  if (shape.length === 0) return <p className="shape-dims">{w.scalar}</p>;
  return (
    <ul className="shape-dims">
      {shape.map((n, d) => (
        <li key={`${d}-${fates[d]}`} data-fate={fates[d]}>
          {w.dim(d, n)}
          {fates[d] === 'new' ? ` · ${w.newAxis}` : fates[d] === 'removed' ? ` · ${w.removedAxis}` : ''}
        </li>
      ))}
    </ul>
  );
}

function TensorShape({
  t,
  caption,
  tensor,
  fates,
}: {
  t: TensorsWords;
  caption: string;
  tensor: TensorInfo;
  fates: readonly AxisFate[];
}) {
  return (
    <figure className="shape-tensor">
      <figcaption>
        {caption} <code>{formatShape(tensor.shape)}</code>
      </figcaption>
      <div className="shape-frame">
        <Boxes shape={tensor.shape} data={tensor.data} fates={fates} dim={0} />
      </div>
      <DimChips t={t} shape={tensor.shape} fates={fates} />
    </figure>
  );
}

/**
 * The shape of the tensor the line shown made, and (when it is a view or a
 * detached copy) the tensor it shares storage with: unsqueeze and squeeze
 * show the axis that appears or goes.
 */
export function ShapeView({
  t,
  run,
  shown,
  source,
}: {
  t: TensorsWords;
  run: ProgramRun;
  shown: number;
  source: string;
}) {
  const w = t.tensors.shapes;
  const made = lineTensor(run, shown);
  const input = made ? lineInput(run, shown, source) : null;
  // Only a view (or a detached copy) shares its input's storage: then the shapes are lined up.
  const base = made && input && input.storage === made.tensor.storage ? input : null;
  const change = base && made ? shapeChange(base.shape, made.tensor.shape) : null;
  const baseName = base ? (base.names[0] ?? formatShape(base.shape)) : '';
  return (
    <section className="shape-view" role="group" aria-label={w.figureLabel}>
      <h2 className="panel-title">{w.title}</h2>
      {!made ? (
        <p className="hint">{w.nothing}</p>
      ) : (
        // Keyed by the line, so a new line's boxes grow in again.
        <div className="shape-pair" key={`${shown}-${made.tensor.id}`}>
          {base && change ? (
            <>
              <TensorShape t={t} caption={`${w.base} ${baseName}`} tensor={base} fates={change.base} />
              <span className="shape-arrow" aria-hidden="true">
                →
              </span>
            </>
          ) : null}
          <TensorShape
            t={t}
            caption={`${made.name} (${w.made})`}
            tensor={made.tensor}
            fates={change ? change.view : made.tensor.shape.map(() => 'kept')}
          />
          {base ? <p className="shape-shares">{w.sharesStorage}</p> : null}
        </div>
      )}
    </section>
  );
}
