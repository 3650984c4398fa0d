// The code that marks answers, as one module the quiz page loads after the first question is shown:
// nothing is marked before a Check or the end of the quiz, so the first visit does without it.

export { checkAnnouncement, resultsAnnouncement } from './announcements';
export { itemMarks } from './item-marks';
export { outcomeOf, resultsOf } from './attempt-results';
