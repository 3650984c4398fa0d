import type { Pack } from '$lib/content/schema';
import * as marking from '$lib/quiz/marking';
import { QuizSession } from '$lib/quiz/session.svelte';
import { findScormApi } from '$lib/scorm/api';
import { LmsRun } from '$lib/scorm/lms';

/**
 * One launch of the package: the LMS connection (or none), the quiz session saving through it, and
 * what the student must be told about recording. Created once by the entry point.
 */
export class Launch {
	/** Sentences about what the LMS refused or could not keep, as they happen. */
	problems: string[] = $state([]);
	readonly run: LmsRun;
	readonly session: QuizSession;
	readonly sourceLabels: Record<string, string>;

	constructor(
		readonly pack: Pack,
		passMark: number | undefined,
		win: Window
	) {
		this.run = new LmsRun(findScormApi(win), pack, {
			passMark,
			onProblem: (message) => (this.problems = [...this.problems, message])
		});
		this.session = new QuizSession(
			{ questions: pack.questions, topics: pack.topics },
			this.run.spec,
			pack.title,
			this.run.store,
			// The package is one file already: its marking comes with it.
			marking
		);
		this.run.begin(this.session.attempt);
		this.sourceLabels = Object.fromEntries(pack.sources.map((s) => [s.id, s.label]));
	}
}
