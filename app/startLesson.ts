import { startLoadingLinkedLesson } from './lessonModules';

// Imported first by main.tsx, so this runs before the rest of the app is evaluated.
startLoadingLinkedLesson(window.location.hash);
