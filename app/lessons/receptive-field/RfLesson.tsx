import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Suggestion } from '../../../engine/errors';
import { applyStackSuggestion, stackInfo, type StackSuggestion } from '../../../engine/layerStack';
import { stackToPyTorch } from '../../../engine/stackToPyTorch';
import { useAppStore } from '../../store/react';
import { useLessonUrl, type LessonUrlBinding } from '../../useLessonUrl';
import type { LessonProps } from '../contract';
import { Legend, type LegendState } from '../kit/Legend';
import { FigurePanel, LessonLayout } from '../kit/LessonShell';
import { RefusalPanel } from '../kit/RefusalPanel';
import { SharePanel } from '../kit/SharePanel';
import { useSlice, useSliceActions } from '../kit/slice';
import { StoryPanel } from '../kit/StoryPanel';
import { CodeImport } from './CodeImport';
import { EffectiveFieldView } from './EffectiveFieldView';
import { FeatureMaps } from './FeatureMaps';
import { GrowthChart } from './GrowthChart';
import { useRfWords, type RfWords } from './messages';
import { Presets } from './Presets';
import { rfFigureModel } from './rfExport';
import { rfLink, type RfLinkState } from './rfLink';
import { RF_STORY, storyState, storyStep, type RfCell } from './rfState';
import { checkpointAnswer, checkpointMatches } from './rfStory';
import { RfTable } from './RfTable';
import { centreCell, mapPictures, resolveCell, type MapPicture } from './rfView';
import { rfSlice } from './slice';
import { StackEditor } from './StackEditor';
import { sameStack } from './stackCodec';
import { useEffectiveField } from './useEffectiveField';
import './rf.css';

const binding: LessonUrlBinding<RfLinkState> = { lesson: 'receptive-field', ...rfLink };

const LEGEND: readonly LegendState[] = ['active', 'contributing', 'gap', 'padding', 'target'];

function fixName(t: RfWords, s: StackSuggestion): string {
  const e = t.rf.editor;
  const names: Record<string, string> = {
    ...e.fields,
    inputSize: t.figure.controls.inputSize,
    layers: t.rf.maps.title,
  };
  const base = names[s.param] ?? s.param;
  const name = s.axis ? e.axis(base, s.axis) : base;
  return e.fixName(s.layer, name);
}

/** What the chosen cell sees, in words (for the status line). */
function cellStatus(
  t: RfWords,
  chosen: RfCell | null,
  pictures: readonly MapPicture[],
  info: ReturnType<typeof stackInfo>,
  hide: boolean,
): string {
  if (!chosen) return '';
  const m = t.rf.maps;
  const row = info.rows[chosen.level - 1];
  const name = row ? m.after(chosen.level - 1, t.rf.kinds[row.layer.kind]) : m.image;
  const head = m.chosen(name, chosen.row, chosen.col);
  if (chosen.level === 0) return m.join([head, m.sameLevel]);
  if (hide) return m.join([head, m.hidden]);
  const image = pictures[0];
  if (!image?.rows || !image.cols || !row) return head;
  const h = image.rows[1] - image.rows[0] + 1;
  const w = image.cols[1] - image.cols[0] + 1;
  const sees = m.sees(`${image.rows[0]}–${image.rows[1]}`, `${image.cols[0]}–${image.cols[1]}`, h, w);
  const clipped = row.h.size !== h || row.w.size !== w;
  return m.join(clipped ? [head, sees, m.outside(row.h.size, row.w.size)] : [head, sees]);
}

/** `#/receptive-field`: how far back one output cell sees. */
export default function RfLesson({ query }: LessonProps) {
  const t = useRfWords();
  const stack = useSlice(rfSlice, (s) => s.present);
  const story = useSlice(rfSlice, (s) => s.story);
  const rawCell = useSlice(rfSlice, (s) => s.cell);
  const compare = useSlice(rfSlice, (s) => s.compare);
  const weights = useSlice(rfSlice, (s) => s.weights);
  const seed = useSlice(rfSlice, (s) => s.seed);
  const canUndo = useSlice(rfSlice, (s) => s.past.length > 0);
  const canRedo = useSlice(rfSlice, (s) => s.future.length > 0);
  const actions = useSliceActions(rfSlice);
  const setTotal = useAppStore((s) => s.setTotal);
  useEffect(() => setTotal(1), [setTotal]);
  useLessonUrl(query, binding);

  const [revealed, setRevealed] = useState<ReadonlySet<number>>(() => new Set());
  const [hovered, setHovered] = useState<RfCell | null>(null);
  const step = storyStep(story);
  const kind = step.checkpoint;
  const hide = useMemo(
    () => kind !== null && !revealed.has(story) && sameStack(stack, step.stack),
    [kind, revealed, story, stack, step],
  );

  const info = useMemo(() => stackInfo(stack), [stack]);
  const chosen = useMemo(() => resolveCell(info, rawCell), [info, rawCell]);
  const pictures = useMemo(() => mapPictures(info, chosen, hovered, hide), [info, chosen, hovered, hide]);
  const field = useEffectiveField(stack, chosen, weights, seed, !hide && chosen !== null && chosen.level > 0);
  const code = useMemo(() => stackToPyTorch(stack, info), [stack, info]);
  const text = t.rf.steps[story];
  const answer = kind ? checkpointAnswer(kind, step.stack) : null;
  const onChoose = useCallback((cell: RfCell) => actions.chooseCell(cell), [actions]);
  const onHover = useCallback((cell: RfCell | null) => setHovered(cell), []);

  const model = useCallback(() => rfFigureModel(info, pictures, t), [info, pictures, t]);
  const frames = useCallback(() => [model()], [model]);

  return (
    <LessonLayout
      id="receptive-field"
      title={t.rf.title}
      keys={t.rf.maps.hint}
      story={
        <StoryPanel
          index={story}
          count={RF_STORY.length}
          title={text?.title ?? ''}
          body={text?.body ?? ''}
          checkpoint={
            kind && answer
              ? {
                  question: t.rf.questions[kind],
                  answer: answer.text,
                  matches: (typed) => checkpointMatches(kind, step.stack, typed),
                }
              : null
          }
          revealed={revealed.has(story)}
          onReveal={() => setRevealed((r) => new Set(r).add(story))}
          onGo={(i) => {
            setHovered(null);
            actions.goToStory(i);
          }}
        />
      }
      figure={
        <FigurePanel
          refusal={null}
          fixes={[]}
          settingNames={{}}
          onFix={() => undefined}
          onReset={() => actions.open({ ...storyState(0), stack: storyState(0).present })}
          playable={false}
          announce=""
        >
          {info.valid ? null : (
            <RefusalPanel
              problems={info.problems}
              fixes={info.suggestions}
              paramName={(s: Suggestion) => fixName(t, s as StackSuggestion)}
              onFix={(s: Suggestion) => actions.edit(applyStackSuggestion(stack, s as StackSuggestion))}
            />
          )}
          <p className="rf-status" role="status" aria-live="polite">
            {cellStatus(t, chosen, pictures, info, hide)}
          </p>
          <FeatureMaps info={info} pictures={pictures} chosen={chosen} t={t} onChoose={onChoose} onHover={onHover} />
          <RfTable
            info={info}
            level={chosen?.level ?? null}
            hide={hide}
            t={t}
            onChooseLevel={(level) => actions.chooseCell(centreCell(info, level))}
          />
          <div className="rf-pair">
            <GrowthChart info={info} compare={compare} hide={hide} t={t} onCompare={actions.setCompare} />
            <EffectiveFieldView
              answer={field.answer}
              inWorker={field.inWorker}
              level={chosen?.level ?? null}
              weights={weights}
              seed={seed}
              hide={hide}
              t={t}
              onWeights={actions.setWeights}
            />
          </div>
        </FigurePanel>
      }
      legend={<Legend states={LEGEND} />}
      side={[
        <StackEditor
          key="stack"
          stack={stack}
          refusedLayer={info.refusedLayer}
          canUndo={canUndo}
          canRedo={canRedo}
          t={t}
          onEdit={actions.edit}
          onUndo={actions.undo}
          onRedo={actions.redo}
        />,
        <Presets key="presets" t={t} onOpen={actions.edit} />,
        <CodeImport key="code" stack={stack} t={t} onOpen={actions.edit} />,
      ]}
      share={<SharePanel name="convlab-receptive-field" model={model} frames={frames} code={code} />}
    />
  );
}
