/** The tensors and autograd lesson (`#/tensors`), as the registry loads it. */
import { defineLesson } from '../contract';
import { tensorsLink } from './link';
import { TENSORS_MESSAGES } from './messages';
import { tensorsSlice } from './slice';
import TensorsLesson from './TensorsLesson';
import { tensorsPytorchCode } from './tensorsPytorch';
import { TENSORS_STORY } from './tensorsState';

export default defineLesson({
  id: 'tensors',
  slice: tensorsSlice,
  link: tensorsLink,
  pytorch: tensorsPytorchCode,
  storySteps: TENSORS_STORY.length,
  messages: TENSORS_MESSAGES,
  View: TensorsLesson,
});
