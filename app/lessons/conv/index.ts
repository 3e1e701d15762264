/** The convolution lesson (`#/conv`), as the registry loads it. */
import ConvLesson from '../../../components/lessons/conv/ConvLesson';
import { convPytorchCode } from '../../conv/convPytorch';
import { CONV_STORY } from '../../conv/convStory';
import { convView } from '../../conv/convView';
import { en } from '../../i18n/en';
import { zh } from '../../i18n/zh';
import { defineLesson } from '../contract';
import { convLink } from './link';
import { convSlice } from './slice';

export default defineLesson({
  id: 'conv',
  slice: convSlice,
  link: convLink,
  pytorch: (s) => convPytorchCode(s.present, convView(s.present)),
  storySteps: CONV_STORY.length,
  messages: { en: en.conv, 'zh-CN': zh.conv },
  View: ConvLesson,
});
