/** The convolution-as-a-matrix lesson (`#/matrix`), as the registry loads it. */
import { defineLesson } from '../contract';
import { matrixLink } from './link';
import MatrixLesson from './MatrixLesson';
import { MATRIX_MESSAGES } from './messages';
import { matrixPytorchCode } from './matrixPytorch';
import { MATRIX_STORY } from './matrixStory';
import { matrixView } from './matrixView';
import { matrixSlice } from './slice';

export default defineLesson({
  id: 'matrix',
  slice: matrixSlice,
  link: matrixLink,
  pytorch: (s) => matrixPytorchCode(s.present, matrixView(s.present)),
  storySteps: MATRIX_STORY.length,
  messages: MATRIX_MESSAGES,
  View: MatrixLesson,
});
