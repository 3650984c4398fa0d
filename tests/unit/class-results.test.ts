import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { classCsv } from '../../src/lib/results/class-csv';
import {
	analyseClass,
	correlation,
	groupDifference,
	groupHandIns,
	median,
	splitDuplicates,
	type ClassBank
} from '../../src/lib/results/class-results';
import type { Answer } from '../../src/lib/quiz/answers';
import {
	handInOf,
	loaded,
	rightAnswers,
	TEST_BANK,
	topics,
	wrongAnswers
} from '../helpers/hand-ins';
import { oneOfEachKind } from '../helpers/questions';

const bank: ClassBank = { questions: oneOfEachKind(), topics, version: TEST_BANK };
const ids = ['q-single', 'q-multiple', 'q-tf', 'q-order', 'q-match'] as const;

/** Right on the questions named, wrong on the others. */
function answersRightOn(...right: string[]): Record<string, Answer> {
	return Object.fromEntries(
		ids.map((id) => [id, (right.includes(id) ? rightAnswers : wrongAnswers)[id]!])
	);
}

const ok = (handIn: ReturnType<typeof handInOf>, fileName = `${handIn.student}.json`) => ({
	ok: true as const,
	fileName,
	handIn
});

describe('facility and the class summary', () => {
	// Four students: 5/5, 3/5, 2/5 and 0/5.
	const cls = [
		handInOf('Ada', rightAnswers, { minutes: 12 }),
		handInOf('Ben', answersRightOn('q-single', 'q-multiple', 'q-tf'), { minutes: 20 }),
		handInOf('Cy', answersRightOn('q-single', 'q-tf'), { minutes: 8 }),
		handInOf('Di', wrongAnswers, { minutes: 30 })
	].map((h) => loaded(h));
	const results = analyseClass(cls, bank);

	it('gives each question the share of the mark the class earned', () => {
		const facility = Object.fromEntries(results.items.map((i) => [i.questionId, i.facility]));
		expect(facility).toEqual({
			'q-single': 0.75,
			'q-multiple': 0.5,
			'q-tf': 0.75,
			'q-order': 0.25,
			'q-match': 0.25
		});
	});

	it('counts the students and gives the median, the range and the time taken', () => {
		expect(results.summary).toMatchObject({
			students: 4,
			median: 50,
			min: 0,
			max: 100,
			time: { median: 16 * 60, min: 8 * 60, max: 30 * 60, counted: 4 }
		});
	});

	it('puts each score in a bin of ten points, 100% in the last', () => {
		const counts = results.summary.histogram.map((b) => b.count);
		expect(counts).toEqual([1, 0, 0, 0, 1, 0, 1, 0, 0, 1]);
		expect(results.summary.histogram[9]).toMatchObject({ from: 90, to: 100 });
	});

	it('gives the share choosing each option of a choice question', () => {
		const single = results.items.find((i) => i.questionId === 'q-single')!;
		expect(single.options?.map((o) => [o.id, o.count, o.share])).toEqual([
			['a', 1, 0.25],
			['b', 3, 0.75],
			['c', 0, 0]
		]);
		const trueFalse = results.items.find((i) => i.questionId === 'q-tf')!;
		expect(trueFalse.options?.map((o) => [o.text, o.count, o.correct])).toEqual([
			['True', 1, false],
			['False', 3, true]
		]);
	});

	it('leads the most missed with the lowest facility, its passages and its most chosen wrong answer', () => {
		expect(results.mostMissed.map((i) => i.questionId)).toEqual([
			'q-order',
			'q-match',
			'q-multiple',
			'q-single',
			'q-tf'
		]);
		const [order] = results.mostMissed;
		expect(order!.citations[0]).toMatchObject({
			source: 'ars-technica-2024-11-27',
			anchor: 'p10-29'
		});
		expect(order!.mostChosenWrong).toEqual({
			answer: '1. Testers paused; 2. Page disabled; 3. Videos shared; 4. Page posted',
			count: 3
		});
		const single = results.items.find((i) => i.questionId === 'q-single')!;
		expect(single.mostChosenWrong).toEqual({
			answer: 'Option A',
			count: 1,
			feedback: 'A is wrong because…'
		});
	});

	it('gives each topic the class’s share of its marks, objective by objective', () => {
		expect(results.topics).toEqual([
			{
				topic: 'compensation',
				title: 'Compensation',
				score: 10,
				max: 20,
				objectives: [
					{ ...topics[0]!.objectives[0]!, score: 10, max: 20 },
					{ ...topics[0]!.objectives[1]!, score: 0, max: 0 }
				]
			}
		]);
	});

	it('says nothing about discrimination in a class this small', () => {
		expect(results.items.every((i) => i.discrimination === null && i.itemRest === null)).toBe(true);
	});

	it('exports one row per student and one column per question', () => {
		const rows = parse(classCsv(results), { bom: true, columns: true }) as Record<string, string>[];
		expect(rows.map((r) => r.student)).toEqual(['Ada', 'Ben', 'Cy', 'Di']);
		expect(rows[1]).toEqual({
			student: 'Ben',
			file: 'Ben.json',
			score: '3',
			max_score: '5',
			percent: '60',
			seconds: '1200',
			'q-single': '1',
			'q-multiple': '1',
			'q-tf': '1',
			'q-order': '0',
			'q-match': '0'
		});
	});
});

describe('discrimination', () => {
	// Ten students: five strong ones right on everything but matching, five weak ones wrong on
	// everything but matching. Totals 4/5 and 1/5.
	const strong = ['Ann', 'Bo', 'Cat', 'Dan', 'Eve'].map((s) =>
		handInOf(s, answersRightOn('q-single', 'q-multiple', 'q-tf', 'q-order'))
	);
	const weak = ['Fay', 'Gil', 'Hal', 'Ivy', 'Jo'].map((s) =>
		handInOf(s, answersRightOn('q-match'))
	);
	const results = analyseClass(
		[...strong, ...weak].map((h) => loaded(h)),
		bank
	);
	const item = (id: string) => results.items.find((i) => i.questionId === id)!;

	it('is +1 (upper minus lower 27%) for an item only the strong students get right', () => {
		expect(item('q-single').discrimination).toBe(1);
		expect(item('q-single').itemRest).toBeCloseTo(1, 10);
	});

	it('is −1 for an item only the weak students get right', () => {
		expect(item('q-match').discrimination).toBe(-1);
		expect(item('q-match').itemRest).toBeCloseTo(-1, 10);
	});

	it('uses Pearson’s r for the item–rest correlation', () => {
		expect(correlation([1, 1, 0, 0], [1, 0.5, 0.5, 0])).toBeCloseTo(Math.SQRT1_2, 10);
		expect(correlation([1, 1, 1], [0, 0.5, 1])).toBeNull();
	});

	it('flags a wrong option that students strong on the rest of the quiz chose as possibly ambiguous', () => {
		// Two strong students pick C on the single question and are right on everything else; two weak
		// students pick A and are wrong on everything else; two get it right and are right elsewhere.
		const strongWrong = ['Kim', 'Lee'].map((s) =>
			handInOf(s, { ...rightAnswers, 'q-single': { kind: 'single', choice: 'c' } })
		);
		const weakWrong = ['Mo', 'Ned'].map((s) => handInOf(s, wrongAnswers));
		const right = ['Ola', 'Pat'].map((s) => handInOf(s, rightAnswers));
		const single = analyseClass(
			[...strongWrong, ...weakWrong, ...right].map((h) => loaded(h)),
			bank
		).items.find((i) => i.questionId === 'q-single')!;
		expect(single.options?.map((o) => [o.id, o.possiblyAmbiguous])).toEqual([
			['a', false],
			['b', false],
			['c', true]
		]);
	});
});

describe('files that do not belong together', () => {
	it('groups another quiz and another bank version apart from the class, largest group first, this bank before an older one', () => {
		const reads = [
			ok(handInOf('Ada', rightAnswers)),
			ok(handInOf('Ben', wrongAnswers)),
			ok(handInOf('Cy', rightAnswers, { bankVersion: 'b-older' })),
			ok(
				handInOf('Di', rightAnswers, {
					quizKey: 'topic=art-washing&mode=test',
					title: 'Art washing'
				})
			),
			{ ok: false as const, fileName: 'broken.json', problem: 'not valid JSON' }
		];
		const groups = groupHandIns(reads, TEST_BANK);
		expect(groups.map((g) => [g.title, g.bankVersion, g.currentBank, g.files.length])).toEqual([
			['Week 3', TEST_BANK, true, 2],
			['Art washing', TEST_BANK, true, 1],
			['Week 3', 'b-older', false, 1]
		]);
		expect(groups.map((g) => groupDifference(g, groups[0]!))).toEqual([
			'same',
			'other-quiz',
			'other-bank'
		]);
	});

	it('shows two files from one student for one quiz as a duplicate and counts the later one', () => {
		const first = loaded(handInOf('Ada Lovelace', wrongAnswers, { minutes: 5 }), 'first.json');
		const second = loaded(
			handInOf('  ada   LOVELACE ', rightAnswers, { minutes: 50 }),
			'second.csv'
		);
		const other = loaded(handInOf('Ben', rightAnswers));
		const { counted, duplicates } = splitDuplicates([first, second, other]);
		expect(counted.map((f) => f.fileName)).toEqual(['second.csv', 'Ben.json']);
		expect(duplicates).toEqual([
			{ student: 'ada   LOVELACE', counted: second, notCounted: [first] }
		]);
	});

	it('marks answers again against this bank, and names a file whose scores its answers do not earn', () => {
		const edited = handInOf('Eve', wrongAnswers);
		edited.questions[0]!.score = 1;
		edited.score = 1;
		const results = analyseClass([loaded(edited)], bank);
		expect(results.students[0]).toMatchObject({ score: 0, rescored: ['q-single'] });
		expect(results.rescored).toEqual([
			{ student: 'Eve', fileName: 'Eve.json', questions: ['q-single'] }
		]);
	});

	it('keeps the file’s own scores for a quiz taken against another version of the bank', () => {
		const older = handInOf('Eve', wrongAnswers, { bankVersion: 'b-older' });
		older.questions[0]!.score = 1;
		older.score = 1;
		expect(analyseClass([loaded(older)], bank).students[0]).toMatchObject({
			score: 1,
			rescored: []
		});
	});
});

describe('median', () => {
	it('is the middle value, or the mean of the two middle values', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBeNull();
	});
});
