/** The convolution lesson (`#/conv`), as the registry loads it. */
import ConvLesson from './ConvLesson';
import { convPytorchCode } from './convPytorch';
import { CONV_STORY } from './convStory';
import { convView } from './convView';
import { defineLesson } from '../contract';
import { CONV_MESSAGES } from './messages';
import { convLink } from './link';
import { convSlice } from './slice';

export default defineLesson({
  id: 'conv',
  slice: convSlice,
  link: convLink,
  pytorch: (s) => convPytorchCode(s.present, convView(s.present)),
  storySteps: CONV_STORY.length,
  messages: CONV_MESSAGES,
  View: ConvLesson,
});
