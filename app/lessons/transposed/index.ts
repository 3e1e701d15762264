/** The transposed-convolution lesson (`#/transposed`), as the registry loads it. */
import TransposedLesson from '../../../components/lessons/transposed/TransposedLesson';
import { transposedPytorchCode } from '../../transposed/transposedPytorch';
import { TRANSPOSED_STORY } from '../../transposed/transposedStory';
import { transposedView } from '../../transposed/transposedView';
import { en } from '../../i18n/en';
import { zh } from '../../i18n/zh';
import { defineLesson } from '../contract';
import { transposedLink } from './link';
import { transposedSlice } from './slice';

export default defineLesson({
  id: 'transposed',
  slice: transposedSlice,
  link: transposedLink,
  pytorch: (s) => transposedPytorchCode(s.present, transposedView(s.present)),
  storySteps: TRANSPOSED_STORY.length,
  messages: { en: en.transposed, 'zh-CN': zh.transposed },
  View: TransposedLesson,
});
