/** The autoencoder lesson (`#/autoencoder`), as the registry loads it. */
import AutoencoderLesson from './AutoencoderLesson';
import { autoencoderPytorchCode } from './aePytorch';
import { AE_STORY } from './aeStory';
import { defineLesson } from '../contract';
import { AUTOENCODER_MESSAGES } from './messages';
import { autoencoderLink } from './link';
import { autoencoderSlice } from './slice';

export default defineLesson({
  id: 'autoencoder',
  slice: autoencoderSlice,
  link: autoencoderLink,
  pytorch: autoencoderPytorchCode,
  storySteps: AE_STORY.length,
  messages: AUTOENCODER_MESSAGES,
  View: AutoencoderLesson,
});
