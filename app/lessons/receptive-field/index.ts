/** The receptive-field lesson (`#/receptive-field`), as the registry loads it. */
import { stackInfo } from '../../../engine/layerStack';
import { stackToPyTorch } from '../../../engine/stackToPyTorch';
import { defineLesson } from '../contract';
import { RF_MESSAGES } from './messages';
import RfLesson from './RfLesson';
import { rfLink } from './rfLink';
import { RF_STORY } from './rfState';
import { rfSlice } from './slice';

export default defineLesson({
  id: 'receptive-field',
  slice: rfSlice,
  link: rfLink,
  pytorch: (s) => stackToPyTorch(s.present, stackInfo(s.present)),
  storySteps: RF_STORY.length,
  messages: RF_MESSAGES,
  View: RfLesson,
});
