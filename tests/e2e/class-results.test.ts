import { readFileSync } from 'node:fs';
import { expect, type Browser, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import type { QuestionOf } from '../../src/lib/content/schema';
import { bankPack, expectNoAxeViolations, test } from './fixtures';

// The classroom loop without an LMS: three students take one shared quiz in their own browsers,
// download named results files, and the instructor drops them (with a broken file and one for
// another quiz) on /instructor/results.

type Single = QuestionOf<'single'>;
const right = (q: Single) => q.options.find((o) => o.correct)!;
const firstWrong = (q: Single) => q.options.find((o) => !o.correct)!;

/** Takes the shared test in a fresh browser, picking the given option of each question, then hands it in. */
async function takeAndHandIn(
	browser: Browser,
	link: string,
	student: string,
	picks: { text: string }[],
	format: 'JSON' | 'CSV'
): Promise<{ name: string; path: string }> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(link);
	for (const [i, pick] of picks.entries()) {
		await page.getByRole('radio', { name: pick.text, exact: true }).check();
		await page
			.getByRole('button', {
				name: i < picks.length - 1 ? 'Next' : 'Review and submit',
				exact: true
			})
			.click();
	}
	await page.getByRole('button', { name: 'Submit my answers' }).click();
	await expect(page.locator('[data-results-heading]')).toBeFocused();
	await page.getByRole('textbox', { name: 'Your name' }).fill(student);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: `Download my results (${format})` }).click()
	]);
	const path = `${test.info().outputPath(download.suggestedFilename())}`;
	await download.saveAs(path);
	await context.close();
	return { name: download.suggestedFilename(), path };
}

async function dropFiles(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
	await page.getByLabel('Results files', { exact: true }).setInputFiles(files);
}

test('three students hand in named files; the instructor sees the class, the items and the passages to reread', async ({
	page,
	browser,
	request
}) => {
	test.setTimeout(300_000);
	const pack = await bankPack(request);
	const singles = pack.questions.filter((q): q is Single => q.kind === 'single').slice(0, 3);
	const [q1, q2, q3] = singles as [Single, Single, Single];
	const link = `/quiz?ids=${singles.map((q) => q.id).join(',')}&mode=test&shuffle=0&title=Week%203`;

	// Ada gets all three right, Ben only the first, Cy the first and the third. Ben and Cy both pick
	// the same wrong answer to the second question.
	const ada = await takeAndHandIn(browser, link, 'Ada', [right(q1), right(q2), right(q3)], 'JSON');
	const ben = await takeAndHandIn(
		browser,
		link,
		'Ben',
		[right(q1), firstWrong(q2), firstWrong(q3)],
		'CSV'
	);
	const cy = await takeAndHandIn(
		browser,
		link,
		'Cy',
		[right(q1), firstWrong(q2), right(q3)],
		'JSON'
	);
	expect(ada.name).toMatch(/^Week 3 - Ada - \d{4}-\d{2}-\d{2}\.json$/);
	expect(ben.name).toMatch(/^Week 3 - Ben - \d{4}-\d{2}-\d{2}\.csv$/);

	// A fourth file, for another quiz: Ada's, as if it had been handed in for a topic quiz.
	const other = JSON.parse(readFileSync(ada.path, 'utf8')) as {
		student: string;
		quiz: { title: string; key: string };
	};
	other.student = 'Dee';
	other.quiz.title = 'Compensation';
	other.quiz.key = 'topic=compensation&mode=test';

	await page.goto('/instructor');
	await page.getByRole('link', { name: 'Class results' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Class results' })).toBeVisible();
	await expect(page.getByText('nothing is uploaded anywhere')).toBeVisible();
	await expectNoAxeViolations(page);

	const file = (f: { name: string; path: string }, mimeType: string) => ({
		name: f.name,
		mimeType,
		buffer: readFileSync(f.path)
	});
	await dropFiles(page, [
		file(ada, 'application/json'),
		file(ben, 'text/csv'),
		file(cy, 'application/json'),
		{
			name: 'broken.json',
			mimeType: 'application/json',
			buffer: Buffer.from('{"format": "sourced-hand-in",')
		},
		{
			name: 'Compensation - Dee.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify(other))
		}
	]);
	await expect(page.getByRole('status').filter({ hasText: 'Read 5 files' })).toHaveText(
		/Read 5 files: 4 loaded, 1 could not be read\. 4 results files in all\./
	);

	// The broken file is listed with its problem; the other quiz is grouped apart and flagged.
	await expect(
		page.getByRole('heading', { name: '1 file could not be read (the others are loaded)' })
	).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'broken.json' })).toContainText(
		/not valid JSON \(at line 1, column \d+\)/
	);
	const groups = page.getByRole('group', { name: /different quizzes or bank versions/ });
	await expect(groups.getByRole('radio', { name: /^Week 3 \(3 files\)/ })).toBeChecked();
	await expect(
		groups.getByRole('radio', { name: /^Compensation \(1 file\): another quiz/ })
	).not.toBeChecked();

	// The class: three students, median 67%, from 33% to 100%.
	const summary = page.getByRole('table', { name: 'The class at a glance' });
	await expect(summary.getByRole('row', { name: /Students/ })).toContainText('3');
	await expect(summary.getByRole('row', { name: /Median score/ })).toContainText('67%');
	await expect(summary.getByRole('row', { name: /Range/ })).toContainText('33% to 100%');
	await expect(page.getByRole('img', { name: 'Score distribution' })).toBeVisible();

	const students = page.getByRole('table', { name: 'Each student' });
	await expect(students.getByRole('row', { name: /^Ben/ })).toContainText('1 / 3 (33%)');
	await students.getByText('Answers of Ben').click();
	await expect(students.getByRole('row', { name: /^Ben/ })).toContainText(
		`Answer: ${firstWrong(q2).text}`
	);

	// Item analysis: facility 100%, 33%, 67%; discrimination withheld for three students.
	const items = page.getByRole('table', { name: 'Item analysis: each marked question' });
	const row = (q: Single) => items.getByRole('row').filter({ hasText: q.id });
	await expect(row(q1).getByRole('cell').nth(1)).toHaveText('100%');
	await expect(row(q2).getByRole('cell').nth(1)).toHaveText('33%');
	await expect(row(q3).getByRole('cell').nth(1)).toHaveText('67%');
	await expect(row(q2)).toContainText(`${firstWrong(q2).text}: 67% (2)`);
	await expect(
		page.getByText('Discrimination is not worked out for fewer than 10 students: this class has 3')
	).toBeVisible();
	await expect(page.getByRole('img', { name: 'Facility of each question' })).toBeVisible();

	// The most-missed question leads, with the wrong answer most chose, its feedback and its passages.
	const missed = page.getByRole('region', {
		name: 'Most-missed questions and the passages behind them'
	});
	const first = missed.getByRole('listitem').first();
	await expect(first.getByRole('heading', { level: 3 })).toHaveText(q2.prompt);
	await expect(first).toContainText(
		`Most chosen wrong answer (2 students): ${firstWrong(q2).text}`
	);
	await expect(first).toContainText(`Its feedback: ${firstWrong(q2).feedback}`);
	const citation = q2.citations[0]!;
	await expect(first.getByRole('link', { name: /^Read in context/ }).first()).toHaveAttribute(
		'href',
		`/sources/${citation.source}#${citation.anchor}`
	);
	await expectNoAxeViolations(page);

	// The class view as a spreadsheet: one row per student, one column per question.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download the class as CSV' }).click()
	]);
	const rows = parse(readFileSync((await download.path())!, 'utf8'), {
		bom: true,
		columns: true
	}) as Record<string, string>[];
	expect(rows.map((r) => [r.student, r.percent, r[q1.id], r[q2.id], r[q3.id]])).toEqual([
		['Ada', '100', '1', '1', '1'],
		['Ben', '33.333', '1', '0', '0'],
		['Cy', '66.667', '1', '0', '1']
	]);

	// The other quiz, analysed on its own.
	await groups.getByRole('radio', { name: /^Compensation/ }).check();
	await expect(summary.getByRole('row', { name: /Students/ })).toContainText('1');
	await expect(
		groups.getByRole('radio', { name: /^Week 3 \(3 files\): another quiz/ })
	).toBeVisible();
	await expectNoAxeViolations(page);

	await page.emulateMedia({ media: 'print' });
	await expect(page.getByLabel('Results files', { exact: true })).toBeHidden();
	await expect(
		page.getByRole('table', { name: 'Item analysis: each marked question' })
	).toBeVisible();
});

test('the page carries no questions; while they cannot be fetched, dropped files are kept, then marked once they can', async ({
	page,
	browser,
	request
}) => {
	test.setTimeout(120_000);
	const pack = await bankPack(request);
	const q = pack.questions.find((q): q is Single => q.kind === 'single')!;
	const ada = await takeAndHandIn(
		browser,
		`/quiz?ids=${q.id}&mode=test&shuffle=0&title=Week%204`,
		'Ada',
		[right(q)],
		'JSON'
	);

	// The questions are not in the page itself: it fetches them, and here it cannot.
	expect(await (await request.get('/instructor/results')).text()).not.toContain(q.id);
	let reachable = false;
	await page.route('**/instructor/bank/*.json', (route) =>
		reachable ? route.continue() : route.abort()
	);
	await page.goto('/instructor/results');
	await expect(page.getByText('Part of this page could not be loaded')).toBeVisible();

	await dropFiles(page, [
		{ name: ada.name, mimeType: 'application/json', buffer: readFileSync(ada.path) }
	]);
	await expect(page.getByRole('status').filter({ hasText: 'Read 1 file' })).toContainText(
		'1 loaded. 1 results files in all. The bank’s questions could not be fetched'
	);
	await expect(page.getByRole('heading', { name: /^The class/ })).toBeHidden();
	await expectNoAxeViolations(page);

	// Back online: one click marks the file that was kept, and focus goes to what it shows.
	reachable = true;
	await page.getByRole('button', { name: 'Fetch the questions again' }).click();
	await expect(page.getByRole('heading', { name: 'The class: Week 4' })).toBeFocused();
	await expect(page.getByRole('status').filter({ hasText: 'questions are here' })).toBeVisible();
	const summary = page.getByRole('table', { name: 'The class at a glance' });
	await expect(summary.getByRole('row', { name: /Students/ })).toContainText('1');
	await expect(summary.getByRole('row', { name: /Median score/ })).toContainText('100%');
	await expect(page.getByRole('button', { name: 'Fetch the questions again' })).toBeHidden();
});
