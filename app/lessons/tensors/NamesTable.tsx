import type { ProgramRun } from '../../../engine/autograd';
import { changedStorages, lineTensor, namedTensors, stateAt } from './tensorsRun';
import { formatShape, formatValues } from './tensorText';
import type { TensorsWords } from './messages';

/**
 * Every name after the line shown: its value, shape, flags, grad_fn, .grad
 * and which other names share its storage (a row lights up when its storage
 * was written in place by this line).
 */
export function NamesTable({
  t,
  run,
  shown,
  hidden,
}: {
  t: TensorsWords;
  run: ProgramRun;
  shown: number;
  hidden: boolean;
}) {
  const w = t.tensors.table;
  const state = stateAt(run, shown);
  const names = namedTensors(state);
  const changed = changedStorages(run, shown);
  const made = lineTensor(run, shown);
  const ops = new Map(state.ops.map((o) => [o.id, o.name]));
  const storageOf = new Map(state.tensors.map((x) => [x.id, x.storage]));
  const sharers = (storage: number, self: string) =>
    names.filter((n) => n.name !== self && n.tensor?.storage === storage).map((n) => n.name);
  return (
    <section className="tensors-names" aria-label={w.caption}>
      <h2 className="panel-title">{w.caption}</h2>
      {names.length === 0 ? (
        <p className="hint">{w.empty}</p>
      ) : (
        <div className="tensors-table-frame" tabIndex={0}>
          <table className="tensors-table">
            <thead>
              <tr>
                <th scope="col">{w.name}</th>
                <th scope="col">{w.value}</th>
                <th scope="col">{w.shape}</th>
                <th scope="col">{w.flags}</th>
                <th scope="col">{w.gradFn}</th>
                <th scope="col">{w.grad}</th>
                <th scope="col">{w.storage}</th>
              </tr>
            </thead>
            <tbody>
              {names.map(({ name, tensor }) => {
                if (!tensor) {
                  return (
                    <tr key={name}>
                      <th scope="row">{name}</th>
                      <td colSpan={6}>{w.none}</td>
                    </tr>
                  );
                }
                const others = sharers(tensor.storage, name);
                const isChanged = changed.has(tensor.storage);
                const gradStorage = tensor.grad ? storageOf.get(tensor.grad.tensor) : undefined;
                const gradChanged = gradStorage !== undefined && changed.has(gradStorage);
                const flags = [
                  tensor.requiresGrad ? `${w.requiresGrad}=True` : `${w.requiresGrad}=False`,
                  ...(tensor.isLeaf ? [w.leaf] : []),
                  ...(tensor.detached ? [w.detached] : []),
                ];
                return (
                  <tr
                    key={name}
                    data-state={isChanged || gradChanged ? 'changed' : made?.name === name ? 'made' : 'idle'}
                    data-name={name}
                  >
                    <th scope="row">
                      <code>{name}</code>
                    </th>
                    <td>
                      <code className="tensors-value">{formatValues(tensor.shape, tensor.data)}</code>
                    </td>
                    <td>
                      <code>{formatShape(tensor.shape)}</code>
                    </td>
                    <td>{flags.join(' · ')}</td>
                    <td>
                      <code>{tensor.gradFn !== null ? (ops.get(tensor.gradFn) ?? '') : w.none}</code>
                    </td>
                    <td>
                      <code className="tensors-value">
                        {tensor.grad ? formatValues(tensor.grad.shape, tensor.grad.data) : w.none}
                      </code>
                    </td>
                    <td>
                      {others.length ? w.shares(others.join(', ')) : w.own}
                      {isChanged ? <strong className="tensors-changed"> · {w.changed}</strong> : null}
                      {gradChanged ? <strong className="tensors-changed"> · {w.gradChanged}</strong> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {hidden ? <p className="hint">{w.hidden}</p> : null}
    </section>
  );
}
