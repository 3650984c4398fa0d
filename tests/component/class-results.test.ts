import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import ClassSummaryTable from '../../src/lib/components/results/ClassSummaryTable.svelte';
import FileReport from '../../src/lib/components/results/FileReport.svelte';
import ItemTable from '../../src/lib/components/results/ItemTable.svelte';
import MostMissed from '../../src/lib/components/results/MostMissed.svelte';
import StudentTable from '../../src/lib/components/results/StudentTable.svelte';
import TopicTable from '../../src/lib/components/results/TopicTable.svelte';
import type { Answer } from '../../src/lib/quiz/answers';
import { analyseClass, groupHandIns, splitDuplicates } from '../../src/lib/results/class-results';
import {
	handInOf,
	loaded,
	rightAnswers,
	TEST_BANK,
	topics,
	wrongAnswers
} from '../helpers/hand-ins';
import { withSiteLinks } from '../helpers/links';
import { oneOfEachKind } from '../helpers/questions';

const bank = { questions: oneOfEachKind(), topics, version: TEST_BANK };
const ids = ['q-single', 'q-multiple', 'q-tf', 'q-order', 'q-match'];
const rightOn = (...right: string[]): Record<string, Answer> =>
	Object.fromEntries(
		ids.map((id) => [id, (right.includes(id) ? rightAnswers : wrongAnswers)[id]!])
	);

// Ada 5/5 in 12 min, Ben 3/5 in 20 min, Cy 2/5 in 8 min.
const cls = [
	handInOf('Ada', rightAnswers, { minutes: 12 }),
	handInOf('Ben', rightOn('q-single', 'q-multiple', 'q-tf'), { minutes: 20 }),
	handInOf('Cy', rightOn('q-single', 'q-tf'), { minutes: 8 })
].map((h) => loaded(h));
const results = analyseClass(cls, bank);

/** The rows of a table as the cells' text, header row first. */
const rowsOf = (table: HTMLElement) =>
	within(table)
		.getAllByRole('row')
		.map((row) =>
			[...row.querySelectorAll('th, td')].map((c) => c.textContent?.replace(/\s+/g, ' ').trim())
		);

describe('the class summary table', () => {
	it('gives the number of students, the median, the range and the time taken', () => {
		render(ClassSummaryTable, { summary: results.summary });
		expect(rowsOf(screen.getByRole('table', { name: 'The class at a glance' }))).toEqual([
			['Students', '3'],
			['Median score', '60%'],
			['Range', '40% to 100%'],
			['Time taken (median)', '12 min (from 8 min to 20 min)']
		]);
	});

	it('has a histogram table and beside it an SVG chart named by its title', () => {
		render(ClassSummaryTable, { summary: results.summary });
		const rows = rowsOf(screen.getByRole('table', { name: 'Score distribution' }));
		expect(rows.filter((r) => r[1] !== '0').slice(1)).toEqual([
			['40–49%', '1'],
			['60–69%', '1'],
			['90–100%', '1']
		]);
		const chart = screen.getByRole('img', { name: 'Score distribution' });
		expect(chart.tagName.toLowerCase()).toBe('svg');
		expect(chart).toHaveAccessibleDescription(/The table gives the same numbers/);
	});
});

describe('the student table', () => {
	it('gives each student’s score, time and topic scores, with their answers behind a disclosure', async () => {
		const user = userEvent.setup();
		const prompts = new Map(bank.questions.map((q) => [q.id, `Prompt of ${q.id}`]));
		render(StudentTable, { students: results.students, topics: results.topics, prompts });
		const table = screen.getByRole('table', { name: 'Each student' });
		expect(rowsOf(table)[0]).toEqual(['Student', 'Score', 'Time', 'Compensation', 'Answers']);
		const ben = within(table).getByRole('row', { name: /^Ben/ });
		expect(
			within(ben)
				.getAllByRole('cell')
				.slice(0, 3)
				.map((c) => c.textContent)
		).toEqual(['3 / 5 (60%)', '20 min', '60%']);
		const answers = within(ben).getByText('Answers');
		expect(answers).toHaveTextContent('Answers of Ben');
		expect(within(ben).getByText(/^Answer: 1\. Testers paused/)).not.toBeVisible();
		await user.click(answers);
		expect(within(ben).getByText(/^Answer: 1\. Testers paused/)).toBeVisible();
		expect(within(ben).getAllByText('Score: 1 of 1')).toHaveLength(3);
	});
});

describe('the topic table', () => {
	it('gives the class mastery of each topic and of each of its objectives', () => {
		render(TopicTable, { topics: results.topics });
		expect(
			rowsOf(screen.getByRole('table', { name: 'Class mastery by topic and objective' }))
		).toEqual([
			['Topic and its objectives', 'Class mastery'],
			['Compensation', '67% of 15 marks'],
			['Explain what the artists say they were asked to give', '67% of 15 marks'],
			['Compare the reward with the work', 'not asked']
		]);
		expect(screen.getByRole('img', { name: 'Class mastery by topic' })).toBeInTheDocument();
	});
});

describe('the item analysis table', () => {
	it('gives facility, withholds discrimination in a small class and says why', () => {
		render(ItemTable, { items: results.items, students: 3 });
		const rows = rowsOf(screen.getByRole('table', { name: 'Item analysis: each marked question' }));
		expect(rows.slice(1).map((r) => r.slice(1, 5))).toEqual([
			['3', '100%', '—', '—'],
			['3', '67%', '—', '—'],
			['3', '100%', '—', '—'],
			['3', '33%', '—', '—'],
			['3', '33%', '—', '—']
		]);
		expect(
			screen.getByText(
				/Discrimination is not worked out for fewer than 10 students: this class has 3/
			)
		).toBeInTheDocument();
	});

	it('lists the share choosing each option, marks the right one, and flags a possibly ambiguous one in words', () => {
		const strongWrong = ['Kim', 'Lee'].map((s) =>
			handInOf(s, { ...rightAnswers, 'q-single': { kind: 'single', choice: 'c' } })
		);
		const others = ['Ola', 'Pat'].map((s) => handInOf(s, rightAnswers));
		const flagged = analyseClass(
			[...strongWrong, ...others].map((h) => loaded(h)),
			bank
		);
		render(ItemTable, { items: flagged.items, students: 4 });
		const table = screen.getByRole('table', { name: 'Item analysis: each marked question' });
		const single = within(table).getByRole('row', { name: /q-single/ });
		expect(
			within(single)
				.getAllByRole('listitem')
				.map((li) => li.textContent?.replace(/\s+/g, ' ').trim())
		).toEqual([
			'Option A: 0% (0)',
			'Option B: 50% (2) ✓ right answer',
			'Option C: 50% (2) ⚠ possibly ambiguous'
		]);
		expect(screen.getByRole('img', { name: 'Facility of each question' })).toBeInTheDocument();
	});
});

describe('the most-missed questions', () => {
	it('lead with the lowest facility, the wrong answer most chose and links to the passages', () => {
		render(
			MostMissed,
			withSiteLinks({
				items: results.mostMissed,
				sourceLabels: { 'ars-technica-2024-11-27': 'Ars Technica' }
			})
		);
		const [first] = screen.getAllByRole('listitem');
		expect(within(first!).getByRole('heading', { level: 3 })).toHaveTextContent('Prompt');
		expect(first).toHaveTextContent('The class earned 33% of the mark (3 students).');
		expect(
			within(first!).getByRole('link', { name: 'Read in context: Ars Technica' })
		).toHaveAttribute('href', '/sources/ars-technica-2024-11-27#p10-29');
	});
});

describe('the file report', () => {
	it('lists a broken file with its problem and place, flags another quiz, and shows duplicates', async () => {
		const user = userEvent.setup();
		const onAnalyse = vi.fn();
		const reads = [
			{
				ok: true as const,
				fileName: 'ada-1.json',
				handIn: handInOf('Ada', wrongAnswers, { minutes: 5 })
			},
			{
				ok: true as const,
				fileName: 'ada-2.json',
				handIn: handInOf('Ada', rightAnswers, { minutes: 9 })
			},
			{ ok: true as const, fileName: 'ben.csv', handIn: handInOf('Ben', rightAnswers) },
			{
				ok: true as const,
				fileName: 'di.json',
				handIn: handInOf('Di', rightAnswers, { quizKey: 'topic=art-washing', title: 'Art washing' })
			},
			{
				ok: false as const,
				fileName: 'broken.json',
				problem: 'not valid JSON',
				where: 'line 3, column 5'
			}
		];
		const groups = groupHandIns(reads, TEST_BANK);
		const { duplicates } = splitDuplicates(groups[0]!.files);
		render(FileReport, {
			failed: reads.filter((r) => !r.ok),
			groups,
			analysed: groups[0],
			duplicates,
			rescored: [],
			leftOut: 0,
			onAnalyse
		});
		expect(screen.getByText('broken.json').parentElement).toHaveTextContent(
			'broken.json: not valid JSON (at line 3, column 5)'
		);
		const group = screen.getByRole('group', { name: /2 different quizzes or bank versions/ });
		expect(within(group).getByRole('radio', { name: /^Week 3 \(3 files\)$/ })).toBeChecked();
		const other = within(group).getByRole('radio', { name: 'Art washing (1 file): another quiz' });
		await user.click(other);
		expect(onAnalyse).toHaveBeenCalledWith(groups[1]!.id);
		expect(
			screen.getByRole('heading', { name: '1 student handed in more than once' })
		).toBeInTheDocument();
		expect(screen.getByText('Ada').parentElement).toHaveTextContent(
			'Ada: counted ada-2.json; not counted ada-1.json'
		);
	});
});
