/** The transposed-convolution lesson (`#/transposed`), as the registry loads it. */
import TransposedLesson from './TransposedLesson';
import { transposedPytorchCode } from './transposedPytorch';
import { TRANSPOSED_STORY } from './transposedStory';
import { transposedView } from './transposedView';
import { defineLesson } from '../contract';
import { TRANSPOSED_MESSAGES } from './messages';
import { transposedLink } from './link';
import { transposedSlice } from './slice';

export default defineLesson({
  id: 'transposed',
  slice: transposedSlice,
  link: transposedLink,
  pytorch: (s) => transposedPytorchCode(s.present, transposedView(s.present)),
  storySteps: TRANSPOSED_STORY.length,
  messages: TRANSPOSED_MESSAGES,
  View: TransposedLesson,
});
