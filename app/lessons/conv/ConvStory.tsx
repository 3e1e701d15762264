import { memo } from 'react';
import { useSlice, useSliceActions } from '../kit/slice';
import { convSlice } from './slice';
import { checkpointAnswer, CONV_STORY, storyFigure } from './convStory';
import { answerMatches } from '../kit/story';
import { convView } from './convView';
import { useAppStore } from '../../store/react';
import { useConvWords } from './messages';
import { StoryPanel } from '../kit/StoryPanel';

/** The convolution lesson's narrative steps and checkpoints. */
export const ConvStory = memo(function ConvStory({ revealed, onReveal }: { revealed: boolean; onReveal: () => void }) {
  const t = useConvWords();
  const story = useSlice(convSlice, (st) => st.story);
  const figure = useSlice(convSlice, (st) => st.present);
  const load = useSliceActions(convSlice).load;
  const setStep = useAppStore((st) => st.setStep);
  const index = Math.max(0, Math.min(CONV_STORY.length - 1, story));
  const kind = CONV_STORY[index]?.checkpoint ?? null;
  const text = t.conv.steps[index];
  const answer = kind ? checkpointAnswer(kind, convView(figure)) : null;
  return (
    <StoryPanel
      index={index}
      count={CONV_STORY.length}
      title={text?.title ?? ''}
      body={text?.body ?? ''}
      checkpoint={
        kind && answer
          ? {
              question: t.conv.questions[kind],
              answer: answer.text,
              matches: (typed) => answerMatches(typed, answer.values),
            }
          : null
      }
      revealed={revealed}
      onReveal={onReveal}
      onGo={(i) => {
        load(storyFigure(i), i);
        setStep(0);
      }}
    />
  );
});
