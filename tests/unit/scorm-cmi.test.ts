import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Pack } from '../../src/lib/content/schema';
import {
	checkAnswer,
	finishAttempt,
	goTo,
	setAnswer,
	startAttempt
} from '../../src/lib/quiz/attempt';
import { resultsOf } from '../../src/lib/quiz/attempt-results';
import type { Scorm12Api } from '../../src/lib/scorm/api';
import { findScormApi } from '../../src/lib/scorm/api';
import {
	finishedStatus,
	interactionDefinition,
	parsePassMark,
	scoreFields,
	scormCorrectPattern,
	scormResponse,
	scormResult,
	scormTimespan
} from '../../src/lib/scorm/cmi';
import { LmsRun, TYPING_COMMIT_DELAY } from '../../src/lib/scorm/lms';
import { MemoryStorage } from '../helpers/memory-storage';
import {
	essayQuestion,
	matchingQuestion,
	multipleQuestion,
	oneOfEachKind,
	orderingQuestion,
	singleQuestion,
	trueFalseQuestion
} from '../helpers/questions';

describe('SCORM 1.2 formats', () => {
	it('writes durations as HHHH:MM:SS.SS', () => {
		expect(scormTimespan(0)).toBe('0000:00:00.00');
		expect(scormTimespan(83_456)).toBe('0000:01:23.46');
		expect(scormTimespan(((27 * 60 + 5) * 60 + 9.5) * 1000)).toBe('0027:05:09.50');
		expect(scormTimespan(10_001 * 3_600_000)).toBe('10001:00:00.00');
	});

	it('writes responses as single characters: choices, t/f, sequences and "1.a" matches', () => {
		const single = singleQuestion();
		expect(scormResponse(single, { kind: 'single', choice: 'c' })).toBe('c');
		expect(scormCorrectPattern(single)).toBe('b');
		const multiple = multipleQuestion();
		expect(scormResponse(multiple, { kind: 'multiple', choices: ['d', 'a'] })).toBe('a,d');
		expect(scormCorrectPattern(multiple)).toBe('a,b,c');
		const tf = trueFalseQuestion();
		expect(scormResponse(tf, { kind: 'true-false', value: true })).toBe('t');
		expect(scormCorrectPattern(tf)).toBe('f');
		const ordering = orderingQuestion();
		expect(
			scormResponse(ordering, {
				kind: 'ordering',
				order: ['shared', 'posted', 'paused', 'disabled']
			})
		).toBe('b,a,d,c');
		expect(scormCorrectPattern(ordering)).toBe('a,b,c,d');
		const matching = matchingQuestion();
		expect(
			scormResponse(matching, { kind: 'matching', matches: { p300: 'p20', p16: 'p16' } })
		).toBe('1.b,3.c');
		expect(scormCorrectPattern(matching)).toBe('1.a,2.b,3.c');
		expect(scormResponse(single, undefined)).toBe('');
	});

	it('reports a written argument as fill-in, weight 0, result neutral, its text cut to 255 characters', () => {
		const essay = essayQuestion();
		expect(interactionDefinition(essay)).toEqual({
			id: 'q-essay',
			type: 'fill-in',
			weighting: '0'
		});
		const text = `${'word '.repeat(100)}\n\nend`;
		const response = scormResponse(essay, { kind: 'essay', text, met: [] });
		expect(response).toHaveLength(255);
		expect(response.endsWith('…')).toBe(true);
		expect(response).not.toContain('\n');
		expect(scormResult(essay, { kind: 'essay', text, met: [] })).toBe('neutral');
	});

	it('gives each question its 1.2 type, weight 1 and its correct response', () => {
		expect(oneOfEachKind().map((q) => interactionDefinition(q))).toEqual([
			{ id: 'q-single', type: 'choice', weighting: '1', 'correct_responses.0.pattern': 'b' },
			{ id: 'q-multiple', type: 'choice', weighting: '1', 'correct_responses.0.pattern': 'a,b,c' },
			{ id: 'q-tf', type: 'true-false', weighting: '1', 'correct_responses.0.pattern': 'f' },
			{
				id: 'q-order',
				type: 'sequencing',
				weighting: '1',
				'correct_responses.0.pattern': 'a,b,c,d'
			},
			{
				id: 'q-match',
				type: 'matching',
				weighting: '1',
				'correct_responses.0.pattern': '1.a,2.b,3.c'
			}
		]);
	});

	it('marks results correct, wrong, or the share of the mark for partial credit', () => {
		const multiple = multipleQuestion();
		expect(scormResult(multiple, { kind: 'multiple', choices: ['a', 'b', 'c'] })).toBe('correct');
		expect(scormResult(multiple, { kind: 'multiple', choices: ['a', 'b'] })).toBe('0.67');
		expect(scormResult(multiple, { kind: 'multiple', choices: ['d'] })).toBe('wrong');
		expect(scormResult(multiple, undefined)).toBe('wrong');
	});

	it('passes or fails against the pass mark, or completes without one; the score is a percentage', () => {
		expect(finishedStatus({ score: 7, max: 10 }, 70)).toBe('passed');
		expect(finishedStatus({ score: 6.99, max: 10 }, 70)).toBe('failed');
		expect(finishedStatus({ score: 3, max: 10 }, undefined)).toBe('completed');
		expect(finishedStatus({ score: 0, max: 0 }, 50)).toBe('completed');
		expect(scoreFields({ score: 2, max: 3 })).toEqual({
			'cmi.core.score.raw': '66.67',
			'cmi.core.score.min': '0',
			'cmi.core.score.max': '100'
		});
		expect(scoreFields({ score: 0, max: 0 })).toEqual({});
		expect([
			parsePassMark('80'),
			parsePassMark(''),
			parsePassMark('120'),
			parsePassMark('x')
		]).toEqual([80, undefined, undefined, undefined]);
	});
});

/** An LMS API that keeps what it is told, like the LMS side of SCORM 1.2. */
class FakeLms implements Scorm12Api {
	values = new Map<string, string>();
	calls: string[] = [];
	constructor(initial: Record<string, string> = {}) {
		for (const [k, v] of Object.entries(initial)) this.values.set(k, v);
	}
	LMSInitialize() {
		this.calls.push('LMSInitialize');
		return 'true';
	}
	LMSFinish() {
		this.calls.push('LMSFinish');
		return 'true';
	}
	LMSGetValue(element: string) {
		return this.values.get(element) ?? '';
	}
	LMSSetValue(element: string, value: string) {
		this.calls.push(`set ${element}`);
		if (element.startsWith('cmi.interactions.') && element.endsWith('.id')) {
			const n = Number(element.split('.')[2]);
			this.values.set(
				'cmi.interactions._count',
				String(Math.max(n + 1, Number(this.LMSGetValue('cmi.interactions._count') || 0)))
			);
		}
		this.values.set(element, value);
		return 'true';
	}
	LMSCommit() {
		this.calls.push('LMSCommit');
		return 'true';
	}
	LMSGetLastError() {
		return '0';
	}
	LMSGetErrorString() {
		return 'No error';
	}
	LMSGetDiagnostic() {
		return '';
	}
	commitsSince(mark: number) {
		return this.calls.slice(mark).filter((c) => c === 'LMSCommit').length;
	}
}

function packOf(mode: 'practice' | 'test'): Pack {
	return {
		schemaVersion: 1,
		id: 'week-3',
		title: 'Week 3',
		description: '',
		settings: { mode, shuffleOptions: false, shuffleQuestions: false },
		topics: [{ id: 'compensation', title: 'Compensation' }],
		sources: [],
		questions: [...oneOfEachKind(), essayQuestion()]
	};
}

/** A launch over a fake LMS, its clock and the first attempt saved the way a quiz session does. */
function launch(lms: FakeLms | undefined, mode: 'practice' | 'test' = 'test', passMark?: number) {
	let now = 1_000_000;
	const run = new LmsRun(lms, packOf(mode), {
		passMark,
		now: () => now,
		storage: new MemoryStorage()
	});
	const read = run.store.read().store;
	const resumed = [...read.inProgress, ...read.history][0];
	let attempt =
		resumed ??
		startAttempt({
			id: 'scorm',
			quizKey: 'k',
			query: 'q',
			title: 'Week 3',
			mode,
			seed: run.spec.seed,
			shuffleOptions: false,
			questionIds: packOf(mode).questions.map((q) => q.id),
			now: 't0'
		});
	run.begin(attempt);
	return {
		run,
		get attempt() {
			return attempt;
		},
		tick: (ms: number) => (now += ms),
		change(next: typeof attempt) {
			attempt = next;
			void run.store.save(attempt);
		}
	};
}

describe('a launch in an LMS', () => {
	it('starts incomplete and resumable, with one interaction per question', () => {
		const lms = new FakeLms({
			'cmi.core.lesson_status': 'not attempted',
			'cmi.core.entry': 'ab-initio'
		});
		launch(lms);
		expect(lms.calls[0]).toBe('LMSInitialize');
		expect(lms.values.get('cmi.core.lesson_status')).toBe('incomplete');
		expect(lms.values.get('cmi.core.exit')).toBe('suspend');
		expect(lms.values.get('cmi.interactions._count')).toBe('6');
		expect(lms.values.get('cmi.interactions.3.type')).toBe('sequencing');
		expect(lms.values.get('cmi.interactions.5.weighting')).toBe('0');
		expect(lms.calls).toContain('LMSCommit');
	});

	it('commits after each answer, but waits for a pause in typing; records latency per question', () => {
		vi.useFakeTimers();
		onTestFinished(() => void vi.useRealTimers());
		const lms = new FakeLms();
		const l = launch(lms, 'practice');
		let mark = lms.calls.length;
		l.tick(12_340);
		l.change(setAnswer(l.attempt, 'q-single', { kind: 'single', choice: 'b' }, 't1'));
		expect(lms.commitsSince(mark)).toBe(1);
		expect(lms.values.get('cmi.interactions.0.student_response')).toBe('b');
		expect(lms.values.get('cmi.interactions.0.result')).toBe('correct');
		expect(lms.values.get('cmi.interactions.0.latency')).toBe('0000:00:12.34');
		l.change(checkAnswer(l.attempt, 'q-single', 't2'));
		expect(lms.values.get('cmi.suspend_data')).toMatch(/^S1\./);

		l.change(goTo(l.attempt, 5, 't3'));
		mark = lms.calls.length;
		l.change(setAnswer(l.attempt, 'q-essay', { kind: 'essay', text: 'Read', met: [] }, 't4'));
		l.change(setAnswer(l.attempt, 'q-essay', { kind: 'essay', text: 'ReadWrite', met: [] }, 't5'));
		expect(lms.commitsSince(mark)).toBe(0);
		expect(lms.values.get('cmi.interactions.5.student_response')).toBe('ReadWrite');
		expect(lms.values.get('cmi.interactions.5.result')).toBe('neutral');
		vi.advanceTimersByTime(TYPING_COMMIT_DELAY);
		expect(lms.commitsSince(mark)).toBe(1);
		l.run.end();
		expect(lms.commitsSince(mark)).toBe(2);
		expect(lms.calls.at(-1)).toBe('LMSFinish');
		expect(lms.values.get('cmi.core.exit')).toBe('suspend');
		expect(lms.values.get('cmi.core.session_time')).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
	});

	it('submits: score as a percentage, passed against the pass mark, not resumable, then finishes once', () => {
		const lms = new FakeLms();
		const l = launch(lms, 'test', 40);
		l.change(setAnswer(l.attempt, 'q-single', { kind: 'single', choice: 'b' }, 't1'));
		l.change(setAnswer(l.attempt, 'q-tf', { kind: 'true-false', value: false }, 't2'));
		const byId = new Map(packOf('test').questions.map((q) => [q.id, q]));
		l.change(finishAttempt(l.attempt, resultsOf(l.attempt, byId, []), 't3'));
		expect(lms.values.get('cmi.core.score.raw')).toBe('40');
		expect(lms.values.get('cmi.core.lesson_status')).toBe('passed');
		expect(lms.values.get('cmi.core.exit')).toBe('');
		expect(lms.values.get('cmi.interactions.1.result')).toBe('wrong');
		expect(lms.calls.filter((c) => c === 'LMSFinish')).toHaveLength(1);
		l.run.end();
		expect(lms.calls.filter((c) => c === 'LMSFinish')).toHaveLength(1);
	});

	it("takes the LMS's mastery score over the package's pass mark", () => {
		const lms = new FakeLms({ 'cmi.student_data.mastery_score': '90' });
		expect(launch(lms, 'test', 40).run.passMark).toBe(90);
	});

	it('resumes from the suspend data the LMS gives back', () => {
		const first = new FakeLms();
		const l = launch(first, 'test');
		l.change(
			setAnswer(l.attempt, 'q-match', { kind: 'matching', matches: { p300: 'p300' } }, 't1')
		);
		l.change(goTo(l.attempt, 4, 't2'));
		l.run.end();
		const second = new FakeLms({
			'cmi.core.entry': 'resume',
			'cmi.suspend_data': first.values.get('cmi.suspend_data')!
		});
		const again = launch(second, 'test');
		expect(again.run.spec.seed).toBe(l.run.spec.seed);
		expect(again.attempt.current).toBe(4);
		expect(again.attempt.answers['q-match']).toEqual({
			kind: 'matching',
			matches: { p300: 'p300' }
		});
	});

	it('runs standalone with no LMS: records nothing and says so', () => {
		const l = launch(undefined);
		expect(l.run.recording).toBe(false);
		l.change(setAnswer(l.attempt, 'q-single', { kind: 'single', choice: 'b' }, 't1'));
		expect(() => l.run.end()).not.toThrow();
	});
});

describe('finding the API', () => {
	type W = { API?: unknown; parent: W; opener: W | null };
	const api = new FakeLms();
	const windowChain = (depth: number, at: number | undefined): W => {
		const top: W = { parent: undefined as unknown as W, opener: null };
		top.parent = top;
		let win = top;
		const chain = [top];
		for (let i = 0; i < depth; i++) {
			win = { parent: win, opener: null };
			chain.unshift(win);
		}
		if (at !== undefined) chain[at]!.API = api;
		return chain[0]!;
	};

	it('climbs the parents, and then the opener and its parents', () => {
		expect(findScormApi(windowChain(3, 2) as unknown as Window)).toBe(api);
		const popup: W = { parent: undefined as unknown as W, opener: windowChain(2, 2) };
		popup.parent = popup;
		expect(findScormApi(popup as unknown as Window)).toBe(api);
		expect(findScormApi(windowChain(3, undefined) as unknown as Window)).toBeUndefined();
	});

	it('stops after seven parents, and steps over a parent it may not read', () => {
		expect(findScormApi(windowChain(10, 10) as unknown as Window)).toBeUndefined();
		const guarded = windowChain(2, undefined);
		Object.defineProperty(guarded.parent, 'API', {
			get() {
				throw new DOMException('Blocked a frame', 'SecurityError');
			}
		});
		expect(findScormApi(guarded as unknown as Window)).toBeUndefined();
	});
});
