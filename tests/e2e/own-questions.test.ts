import { expect, type Page } from '@playwright/test';
import { selectorFor } from '../../src/lib/content/anchor';
import type { SiteSource } from '../../src/lib/content/pack';
import type { Question } from '../../src/lib/content/schema';
import { encodeLinkQuestions } from '../../src/lib/quiz/link-questions';
import { answerWithKeyboard, bankPack, expectNoAxeViolations, openQuiz, test } from './fixtures';

// An instructor's own questions over their life: deleted (packs keep them), arriving in a
// colleague's pack file, answered by students from a share link, and cited from any passage.

const ID = 'my-e2e002';
const PROMPT = 'Reworded by the instructor: was the screening a reward?';

/** Saves one of the instructor's own questions the way authored.ts does, before the page loads. */
async function seedAuthored(page: Page, question: Question, editedFrom?: string) {
	const entry = { version: 1, id: question.id, savedAt: '2026-12-02T10:00:00.000Z', editedFrom };
	await page.addInitScript(
		(e: { id: string }) => {
			// Only once: a reload must show what the page saved, not this seed again.
			if (sessionStorage.getItem(`seeded:${e.id}`)) return;
			sessionStorage.setItem(`seeded:${e.id}`, '1');
			localStorage.setItem(`sourced:instructor:v2:authored:${e.id}`, JSON.stringify(e));
		},
		{ ...entry, valid: true, question }
	);
}

async function reworded(page: Page, id = ID, prompt = PROMPT): Promise<Question> {
	const pack = await bankPack(page.request);
	return { ...pack.questions.find((q) => q.id === 'comp-03')!, id, prompt };
}

test('deleting your question keeps it in the pack that uses it, says so, and Undo brings it back', async ({
	page
}) => {
	test.slow();
	await seedAuthored(page, await reworded(page), 'comp-03');
	await page.goto('/instructor');
	const chosen = page.getByRole('list', { name: /^Questions \(/ });
	const row = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('checkbox', { name: new RegExp(PROMPT) }) });
	await row.getByRole('checkbox').check();
	await expect(chosen).toContainText(PROMPT);

	await row.getByRole('button', { name: `Delete ${ID}` }).click();
	const status = page.getByRole('status').filter({ hasText: 'Deleted your question' });
	await expect(status).toHaveText(
		/Deleted your question my-e2e002\. Your pack “Untitled pack” keeps its copy of it, so it prints and exports as before\./
	);
	await expect(page.getByRole('button', { name: `Undo deleting ${ID}` })).toBeFocused();
	await expect(page.getByRole('checkbox', { name: new RegExp(PROMPT) })).toHaveCount(0);
	await expect(chosen).toContainText(PROMPT);
	await expectNoAxeViolations(page);

	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('status').filter({ hasText: `Put back your question ${ID}.` })
	).toBeVisible();
	await expect(page.getByRole('checkbox', { name: new RegExp(PROMPT) })).toBeFocused();

	// Deleted for good: after a reload the pack still has the question whole.
	await row.getByRole('button', { name: `Delete ${ID}` }).click();
	await expect(status).toBeVisible();
	await page.reload();
	await expect(chosen).toContainText(PROMPT);
	await expect(page.getByRole('checkbox', { name: new RegExp(PROMPT) })).toHaveCount(0);
	await expect(page.getByText(/no longer ready in this browser/)).toHaveCount(0);
});

test('the editor deletes the question after asking, and Undo brings the editor back', async ({
	page
}) => {
	await seedAuthored(page, await reworded(page), 'comp-03');
	await page.goto(`/instructor/write?id=${ID}`);
	await page.getByRole('button', { name: 'Delete…' }).click();
	await expect(page.getByText(`Delete ${ID} from this browser?`)).toBeFocused();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: `Yes, delete ${ID}` }).click();
	await expect(page.getByText(`Deleted your question ${ID}.`)).toBeFocused();
	await expect(page.getByRole('textbox', { name: /Prompt/ })).toHaveCount(0);

	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByText(`Put back your question ${ID}.`)).toBeFocused();
	await expect(page.getByRole('textbox', { name: /Prompt/ }).first()).toHaveValue(PROMPT);
	await page.goto('/instructor');
	await expect(page.getByRole('checkbox', { name: new RegExp(PROMPT) })).toBeVisible();
});

test("a colleague's pack file brings their own questions into yours, and a clashing id overwrites nothing", async ({
	page
}) => {
	test.slow();
	const pack = await bankPack(page.request);
	const mine = await reworded(page, 'my-clash1', 'My wording, kept as it is');
	const theirs = { ...mine, prompt: 'A colleague’s wording under the same id' };
	const fresh = await reworded(page, 'my-theirs', 'A colleague’s second question');
	await seedAuthored(page, mine);
	await page.goto('/instructor');
	await expect(page.getByRole('heading', { name: 'Your pack' })).toBeVisible();

	const file = {
		...pack,
		id: 'week-5',
		title: 'Week 5 from a colleague',
		questions: [pack.questions.find((q) => q.id === 'comp-01')!, theirs, fresh]
	};
	await page.getByLabel('Choose a pack file…').setInputFiles({
		name: 'week-5.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(file))
	});
	const message = page
		.getByRole('status')
		.filter({ hasText: 'Imported “Week 5 from a colleague”' });
	await expect(message).toContainText(
		/2 instructor-written questions joined your own questions \(“Yours” in the bank\), where you can edit or duplicate them: my-theirs and my-[a-z0-9]{6}\. You already have a different question my-clash1, so the pack’s is my-[a-z0-9]{6} \(yours is unchanged\)\./
	);

	await page
		.getByRole('group', { name: 'Whose questions' })
		.getByRole('radio', { name: 'Yours only' })
		.check();
	for (const prompt of [mine.prompt, theirs.prompt, fresh.prompt]) {
		const row = page
			.getByRole('listitem')
			.filter({ has: page.getByRole('checkbox', { name: prompt }) });
		await expect(row.getByText('Yours')).toBeVisible();
	}
	// The imported pack holds all three of its questions, the colleague's wording included.
	const chosen = page.getByRole('list', { name: /^Questions \(/ });
	await expect(chosen.getByRole('listitem')).toHaveCount(3);
	await expect(chosen).toContainText(theirs.prompt);
	await expect(chosen).not.toContainText(mine.prompt);
	await expectNoAxeViolations(page);

	await page.reload();
	await expect(page.getByRole('checkbox', { name: theirs.prompt })).toBeVisible();
	await expect(page.getByRole('checkbox', { name: mine.prompt })).toBeVisible();
	await expect(chosen).toContainText(theirs.prompt);
});

test('a quiz from a share link with your own questions shows and resumes from My progress like any quiz', async ({
	page
}) => {
	test.slow();
	const own = await reworded(page, 'my-e2e003', 'A question the instructor wrote for the link');
	const query = `ids=comp-01,${own.id}&mode=practice&shuffle=0&title=Week%206&own=${await encodeLinkQuestions([own])}`;
	await openQuiz(page, query);
	await answerWithKeyboard(page);
	await page.getByRole('button', { name: 'Check', exact: true }).click();
	await page.getByRole('button', { name: 'Next', exact: true }).click();
	await expect(page.getByText(own.prompt)).toBeVisible();

	await page.goto('/progress');
	const resume = page.getByRole('link', { name: 'Resume: Week 6' });
	await expect(resume.locator('xpath=..')).toContainText('1 of 2 answered');
	await expectNoAxeViolations(page);
	await resume.click();
	await expect(page.getByText(own.prompt)).toBeVisible();
	await expect(page.getByRole('group', { name: /^Question 2 of 2/ })).toBeVisible();
	await expect(page.getByText(/does not have/)).toHaveCount(0);

	await answerWithKeyboard(page);
	await page.getByRole('button', { name: 'Check', exact: true }).click();
	await page.getByRole('button', { name: 'Finish and see results' }).click();
	await expect(page.locator('[data-results-heading]')).toBeVisible();

	await page.goto('/progress');
	await expect(page.getByText('Nothing in progress.')).toBeVisible();
	const finished = page.getByRole('link', { name: 'Week 6' });
	await expect(finished).toBeVisible();
	await expect(page.getByText(/no longer|does not have|missing/i)).toHaveCount(0);
	await expect(
		page.getByText(
			'Your finished quizzes also have a question your instructor wrote, sent in the quiz’s link: it counts in that quiz’s score, not in mastery of the bank’s topics.'
		)
	).toBeVisible();
	await finished.click();
	await expect(page.locator('[data-results-heading]')).toBeVisible();
	await expect(page.getByText(/no longer in the bank|does not have/)).toHaveCount(0);
	await expect(page.getByRole('main')).toContainText(own.prompt);
});

test("Read in context finds a passage only an instructor's question quotes, highlights it with focus, and leads back", async ({
	page
}) => {
	test.slow();
	const pack = await bankPack(page.request);
	const texts = (await (await page.request.get('/sources/texts.json')).json()) as SiteSource[];
	const source = texts.find((s) => s.id === 'ars-technica-2024-11-27')!;
	// The second "artists" and the words after it: a passage no bank question cites, whose quotation
	// needs a prefix or suffix to pick it out.
	const at = source.text.indexOf('artists', source.text.indexOf('artists') + 1);
	const start = Array.from(source.text.slice(0, at)).length;
	const end = start + Array.from(source.text.slice(at, at + 40).trimEnd()).length;
	const selector = selectorFor(source.text, start, end);
	const anchor = `p${start}-${end}`;
	const cited = pack.questions.flatMap((q) => q.citations.map((c) => c.anchor));
	expect(cited).not.toContain(anchor);

	const own = {
		...(await reworded(page, 'my-e2e004', 'A question quoting a passage the bank does not cite')),
		citations: [{ source: source.id, ...selector }]
	} as Question;
	await openQuiz(
		page,
		`ids=${own.id}&mode=practice&shuffle=0&title=Week%207&own=${await encodeLinkQuestions([own])}`
	);
	await answerWithKeyboard(page);
	await page.getByRole('button', { name: 'Check', exact: true }).click();
	await page.getByRole('link', { name: /Read in context/ }).click();

	await expect(page).toHaveURL(new RegExp(`/sources/${source.id}\\?quote=.*#${anchor}$`));
	const mark = page.locator(`mark.target[data-first~="${anchor}"]`);
	await expect(mark).toBeFocused();
	expect((await page.locator('mark.target').allTextContents()).join('')).toBe(selector.exact);
	await expect(page.getByText(/could not be found in this source/)).toHaveCount(0);
	await expect(page.getByText(/quoted by a question your instructor wrote/)).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: 'Back to question 1' }).first().click();
	await expect(page.getByText(own.prompt)).toBeVisible();
	await expect(page.locator('[data-feedback-heading]')).toBeVisible();
	await expect(page.getByText(/could not be read|does not have/)).toHaveCount(0);
});

test('a link whose quotation is not in the source still says the passage was not found', async ({
	page
}) => {
	await page.goto('/sources/ars-technica-2024-11-27?quote=words%20no%20source%20has#p1-20');
	await expect(page.getByText(/could not be found in this source/)).toBeVisible();
	await expect(page.locator('mark.target')).toHaveCount(0);
});
