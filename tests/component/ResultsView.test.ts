import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import ResultsView from '../../src/lib/components/quiz/ResultsView.svelte';
import { finishAttempt, indexById, setAnswer } from '../../src/lib/quiz/attempt';
import { resultsOf } from '../../src/lib/quiz/attempt-results';
import { attemptOf } from '../helpers/attempts';
import { quizLinksContext } from '../../src/lib/components/quiz-links';
import { withSiteLinks } from '../helpers/links';
import { oneOfEachKind } from '../helpers/questions';

const questions = oneOfEachKind().map((q, i) => ({
	...q,
	topic: i < 3 ? 'compensation' : 'art-washing'
}));
const topics = [
	{ id: 'compensation', title: 'Compensation' },
	{ id: 'art-washing', title: 'Art washing' }
];
const now = '2026-11-22T10:00:00.000Z';

function finished() {
	let a = attemptOf({ id: 'att-9', title: 'Whole module', mode: 'test', shuffleOptions: false });
	a = setAnswer(a, 'q-single', { kind: 'single', choice: 'b' }, now);
	a = setAnswer(a, 'q-tf', { kind: 'true-false', value: false }, now);
	a = setAnswer(
		a,
		'q-order',
		{ kind: 'ordering', order: ['posted', 'shared', 'disabled', 'paused'] },
		now
	);
	const results = resultsOf(a, indexById(questions), topics);
	return { attempt: finishAttempt(a, results, now), results };
}

/** Renders the results of the finished fixture attempt, linking to the site's pages. */
function showResults() {
	const { attempt, results } = finished();
	render(
		ResultsView,
		withSiteLinks({ attempt, results, sourceLabels: {}, bankVersion: 'b-test', onCite: vi.fn() })
	);
}

describe('the results view', () => {
	it('gives the total score and percentage', () => {
		showResults();
		expect(screen.getByText('3 out of 5')).toBeInTheDocument();
		expect(screen.getByText(/\(60%\)/)).toBeInTheDocument();
	});

	it('breaks the score down by topic in a table, with the numbers in text', () => {
		showResults();
		const table = screen.getByRole('table', { name: 'Score by topic' });
		const rows = within(table).getAllByRole('row').slice(1);
		expect(rows.map((r) => r.textContent?.trim())).toEqual([
			'Compensation2 / 3 (67%)',
			'Art washing1 / 2 (50%)'
		]);
	});

	it('offers to retry the missed questions and to download the results', () => {
		showResults();
		const retry = screen.getByRole('link', { name: 'Retry the ones I missed' });
		const [page, query] = retry.getAttribute('href')!.split('?');
		expect(page).toBe('/quiz');
		expect(new URLSearchParams(query).get('ids')).toBe('q-multiple,q-match');
		expect(screen.getByRole('link', { name: 'Take this quiz again' })).toHaveAttribute(
			'href',
			'/quiz?topic=compensation'
		);
		expect(screen.getByRole('button', { name: 'Download my results (JSON)' })).toBeInTheDocument();
		expect(screen.getByRole('button', { name: 'Download my results (CSV)' })).toBeInTheDocument();
	});

	it('offers no other quiz where there is none to go to (a SCORM package), but still the downloads', () => {
		const { attempt, results } = finished();
		render(ResultsView, {
			props: { attempt, results, sourceLabels: {}, bankVersion: 'b-test', onCite: vi.fn() },
			context: quizLinksContext({ source: (id, anchor) => `sources/${id}.html#${anchor}` })
		});
		expect(screen.queryByRole('link', { name: 'Retry the ones I missed' })).not.toBeInTheDocument();
		expect(screen.queryByRole('link', { name: 'Take this quiz again' })).not.toBeInTheDocument();
		expect(screen.getByRole('button', { name: 'Download my results (JSON)' })).toBeInTheDocument();
	});

	it('reviews every question with the answer given, the verdict and the feedback', () => {
		showResults();
		const verdicts = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent?.trim());
		expect(verdicts.filter((t) => /correct/i.test(t ?? ''))).toEqual([
			'✓ Correct',
			'✗ Incorrect',
			'✓ Correct',
			'✓ Correct',
			'✗ Incorrect'
		]);
		expect(screen.getAllByText(/^Your answer: /).map((p) => p.textContent)).toContain(
			'Your answer: No answer'
		);
	});

	it('leads with one row per question, its verdict and a link to its details, which start collapsed', () => {
		const { container } = render(
			ResultsView,
			withSiteLinks({ ...finished(), sourceLabels: {}, bankVersion: 'b-test', onCite: vi.fn() })
		);
		const rows = container.querySelectorAll('ol.summary > li');
		expect(rows).toHaveLength(5);
		expect(rows[1]?.textContent).toMatch(/✗\s*Incorrect/);
		const link = within(rows[1] as HTMLElement).getByRole('link');
		const details = container.querySelector<HTMLDetailsElement>(link.getAttribute('href')!)!;
		expect(details.open).toBe(false);
		link.click();
		expect(details.open).toBe(true);
		expect(container.querySelectorAll('details[open]')).toHaveLength(1);
	});
});

describe('handing in the results', () => {
	/** Each file the page offers for download, as the browser would save it: its name and its text. */
	let downloads: { name: string; text: () => Promise<string> }[];

	beforeEach(() => {
		localStorage.clear();
		downloads = [];
		// jsdom has no object URLs; these stand in for them, and the link's click for the download.
		const blobs = new Map<string, Blob>();
		URL.createObjectURL = (blob) => {
			const url = `blob:sourced/${blobs.size}`;
			blobs.set(url, blob as Blob);
			return url;
		};
		URL.revokeObjectURL = () => {};
		const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
			this: HTMLAnchorElement
		) {
			const blob = blobs.get(this.href);
			if (this.download && blob) downloads.push({ name: this.download, text: () => blob.text() });
		});
		return () => click.mockRestore();
	});

	it('asks for a name before downloading, and moves focus to the name field', async () => {
		const user = userEvent.setup();
		showResults();
		await user.click(screen.getByRole('button', { name: 'Download my results (JSON)' }));
		expect(downloads).toEqual([]);
		const name = screen.getByRole('textbox', { name: 'Your name' });
		expect(name).toHaveFocus();
		expect(name).toHaveAttribute('aria-invalid', 'true');
		expect(name).toHaveAccessibleDescription(/Type your name first/);
	});

	it('names the file after the quiz, the student and the day, and remembers the name', async () => {
		const user = userEvent.setup();
		showResults();
		await user.type(screen.getByRole('textbox', { name: 'Your name' }), 'Ada Lovelace');
		await user.click(screen.getByRole('button', { name: 'Download my results (CSV)' }));
		expect(downloads).toHaveLength(1);
		const { name } = downloads[0]!;
		const text = await downloads[0]!.text();
		expect(name).toMatch(/^Whole module - Ada Lovelace - \d{4}-\d{2}-\d{2}\.csv$/);
		expect(text).toContain('Ada Lovelace');
		expect(screen.getByRole('status')).toHaveTextContent(`Downloaded “${name}”`);
		expect(localStorage.getItem('sourced:hand-in-name')).toBe('Ada Lovelace');
	});

	it('fills in the remembered name, which the student may change', async () => {
		localStorage.setItem('sourced:hand-in-name', 'Ada');
		const user = userEvent.setup();
		showResults();
		const name = screen.getByRole('textbox', { name: 'Your name' });
		await vi.waitFor(() => expect(name).toHaveValue('Ada'));
		await user.clear(name);
		await user.type(name, 'Grace Hopper');
		await user.click(screen.getByRole('button', { name: 'Download my results (JSON)' }));
		expect(downloads).toHaveLength(1);
		expect(downloads[0]!.name).toContain('Grace Hopper');
		expect(JSON.parse(await downloads[0]!.text())).toMatchObject({
			student: 'Grace Hopper',
			quiz: { bankVersion: 'b-test' }
		});
	});

	it('says plainly that the file can be edited, so marks that count belong in an LMS', () => {
		showResults();
		expect(screen.getByRole('textbox', { name: 'Your name' })).toHaveAccessibleDescription(
			/whoever has it can edit it.*marks that count belong in your school’s learning platform/
		);
	});
});
