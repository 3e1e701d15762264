import { useId } from 'react';
import type { ProgramRun } from '../../../engine/autograd';
import { useAppStore } from '../../store/react';
import { changedStorages, lineTensor, namedTensors, stateAt } from './tensorsRun';
import { errorText, formatShape } from './tensorText';
import type { TensorsWords } from './messages';
import { PICKABLE_LINES } from './tensorsState';

/** What one source line did, in a few words (the tensor it made, the names it changed, a backward). */
function lineSummary(t: TensorsWords, run: ProgramRun, index: number): string {
  const step = run.steps[index];
  if (!step) return '';
  const parts: string[] = [];
  const made = lineTensor(run, index);
  if (made) parts.push(`${made.name}: ${formatShape(made.tensor.shape)}`);
  const changed = changedStorages(run, index);
  if (changed.size) {
    const names = namedTensors(step.state)
      .filter((n) => n.tensor && changed.has(n.tensor.storage))
      .map((n) => n.name);
    if (names.length) parts.push(t.tensors.console.inPlace(names.join(', ')));
  }
  if (step.backward) parts.push(t.tensors.console.backward);
  return parts.join(' · ');
}

/**
 * The console: the program in an editor, and each of its lines with what it
 * did; the line shown is the playback step (click a line to show it). Lines
 * from `hideFrom` on keep their results until the checkpoint is answered.
 */
export function ProgramConsole({
  t,
  source,
  run,
  shown,
  hideFrom,
  onSource,
  onPick,
}: {
  t: TensorsWords;
  source: string;
  run: ProgramRun;
  /** The playback step the views show (−1 before the first line). */
  shown: number;
  hideFrom: number | null;
  onSource: (text: string) => void;
  /** Adds a picked line at the end and shows it. */
  onPick: (line: string) => void;
}) {
  const c = t.tensors.console;
  const editorId = useId();
  const hintId = useId();
  const setStep = useAppStore((s) => s.setStep);
  const pause = useAppStore((s) => s.pause);
  const lines = source.split('\n');
  const stepOfLine = new Map<number, number>();
  run.steps.forEach((s, i) => stepOfLine.set(s.line, i));
  const currentLine = run.steps[shown]?.line ?? 0;
  const error = run.error && (hideFrom === null || run.error.line < hideFrom) ? run.error : null;
  const before = stateAt(run, shown);
  return (
    <section className="tensors-console" aria-label={c.label}>
      <label htmlFor={editorId} className="panel-title">
        {c.editor}
      </label>
      <textarea
        id={editorId}
        className="tensors-editor"
        value={source}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        rows={Math.min(12, Math.max(4, lines.length + 1))}
        aria-describedby={hintId}
        onChange={(e) => onSource(e.target.value)}
      />
      <p id={hintId} className="hint">
        {c.editorHint}
      </p>
      <label className="tensors-pick">
        <span>{c.pick}</span>
        <select
          value=""
          onChange={(e) => {
            if (e.target.value) onPick(e.target.value);
          }}
        >
          <option value="">{c.pickPlaceholder}</option>
          {PICKABLE_LINES.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <ol className="tensors-lines" aria-label={c.lines}>
        {lines.map((text, i) => {
          const line = i + 1;
          const index = stepOfLine.get(line);
          const hidden = hideFrom !== null && line >= hideFrom;
          const failed = error !== null && error.line === line;
          const state = failed
            ? 'error'
            : hidden
              ? 'hidden'
              : index === undefined
                ? 'idle'
                : line === currentLine
                  ? 'current'
                  : line < currentLine
                    ? 'done'
                    : 'pending';
          return (
            <li
              key={i}
              className="tensors-line"
              data-state={state}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              {index !== undefined && !hidden ? (
                <button
                  type="button"
                  className="tensors-line-button"
                  aria-label={`${c.goToLine(line)}: ${text.trim()}`}
                  onClick={() => {
                    pause();
                    setStep(index);
                  }}
                >
                  <span className="tensors-line-no" aria-hidden="true">
                    {line}
                  </span>
                  <code>{text}</code>
                </button>
              ) : (
                <span className="tensors-line-button">
                  <span className="tensors-line-no" aria-hidden="true">
                    {line}
                  </span>
                  <code>{text}</code>
                </span>
              )}
              <span className="tensors-line-result">
                {hidden
                  ? text.trim()
                    ? c.hidden
                    : ''
                  : failed
                    ? t.tensors.errors.stopped
                    : index === undefined
                      ? ''
                      : line > currentLine
                        ? c.notRun
                        : lineSummary(t, run, index)}
              </span>
            </li>
          );
        })}
      </ol>
      {error ? (
        <p className="tensors-error" role="status" data-code={error.code}>
          {errorText(t.tensors, error)}
        </p>
      ) : null}
      <p className="tensors-showing">
        {shown >= 0 && currentLine > 0 ? c.showing(currentLine) : c.before}
        {before.gradEnabled ? '' : ' · torch.no_grad()'}
      </p>
    </section>
  );
}
