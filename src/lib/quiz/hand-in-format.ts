// The fixed values of a hand-in, apart from its zod schema (hand-in-schema.ts) so that the quiz page
// writes hand-ins without loading zod; the results page reads them back through the schema.

/** Written into every hand-in; a reader refuses any other value. */
export const HAND_IN_FORMAT = 'sourced-hand-in';
/** Bumped whenever the shape in hand-in-schema.ts changes, so an old reader never misreads a newer file. */
export const HAND_IN_VERSION = 1;
/** The most questions a hand-in may list: a quiz link carries at most 1,000 ids. */
export const MAX_HAND_IN_QUESTIONS = 1000;
/** The longest name a student may hand in under. */
export const MAX_STUDENT_NAME = 100;
