// The bank's fixed vocabularies, free of zod so browser code can use them without the schema library.

export const difficulties = ['intro', 'core', 'advanced'] as const;
export type Difficulty = (typeof difficulties)[number];

export const questionKinds = ['single', 'multiple', 'true-false', 'ordering', 'matching'] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** Cognitive levels, after Bloom's revised taxonomy: what a question asks a student to do. */
export const levels = ['recall', 'understand', 'apply', 'analyse', 'evaluate'] as const;
export type CognitiveLevel = (typeof levels)[number];
