import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';
import {
	bankPack,
	chosenIds,
	dragAcross,
	expectNoAxeViolations,
	firstOfKind,
	test
} from './fixtures';

// Issue 16's journey, as an instructor takes it: duplicate a bank question, reword it, cite one
// passage by selecting it with the mouse and another by searching with the keyboard, check an answer
// in the preview, save, pack it, export it to Moodle, reload, and give it back to the bank as YAML
// that the CLI validates.

/** The passage selected with the mouse in ReadWrite, whole words once widened. */
const MOUSE_PASSAGE = 'Several users on X shared generated samples';
/** Searched for in the mid-article copy, which prints its paragraph twice: the first is cited. */
const SEARCHED = 'sora pr puppets group claims';
const SEARCHED_PASSAGE = 'Sora PR Puppets group claims';
/** The shortest text before it that tells the first copy from the second. */
const SEARCHED_PREFIX = 'Happen?\nThe ';

/** The preview beside the form: one question as a student sees it in practice mode. */
const preview = (page: Page) => page.getByRole('region', { name: 'Preview', exact: true });
/** The source reader that "Add citation" opens. */
const picker = (page: Page) => page.getByRole('region', { name: 'Cite a passage' });
/** The picker's "Citation to add" panel. */
const toAdd = (page: Page) => page.getByRole('region', { name: 'Citation to add' });
/** A citation's fields in the editor, "Citation 6" counting from 1. */
const citation = (page: Page, n: number) => page.getByRole('group', { name: `Citation ${n}` });

test('an instructor duplicates a bank question, rewords it, cites by mouse and by keyboard, packs it, exports it to Moodle and gives it back as YAML that validates', async ({
	page
}) => {
	// The whole journey in one test, with five axe passes over the editor and the CLI anchoring the
	// downloaded file against the sources: about 2 minutes on two busy cores, triple a usual test.
	test.setTimeout(240_000);
	const bank = await bankPack(page.request);
	const original = firstOfKind(bank, 'single');
	const topic = bank.topics.find((t) => t.id === original.topic)!;
	// The two passages are new to this question, so finding them later shows the citations came through.
	expect(original.citations.map((c) => c.exact)).not.toContain(MOUSE_PASSAGE);
	expect(original.citations.map((c) => c.exact)).not.toContain(SEARCHED_PASSAGE);
	const cited = original.citations.length;
	const reworded =
		"In the artists' statement as ReadWrite quotes it, what did the testers say they gave OpenAI without pay?";

	// 1. From the bank browser to the editor.
	await page.goto('/instructor');
	await expect(page.getByRole('heading', { name: 'Your pack' })).toBeVisible();
	await page.getByRole('link', { name: `Duplicate and edit ${original.id}` }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: `Edit a copy of question ${original.id}` })
	).toBeVisible();
	const prompt = page.getByRole('textbox', { name: 'Prompt' });
	await expect(prompt).toHaveValue(original.prompt);
	await expect(page.getByText(/Found in the .+ text, at characters/)).toHaveCount(cited);

	// 2. New wording; an empty prompt, once left, says what is wrong at the field.
	await prompt.fill('');
	await page.keyboard.press('Tab');
	await expect(prompt).toHaveAttribute('aria-invalid', 'true');
	await expect(prompt).toHaveAccessibleDescription(/Problem: Write something here/);
	await expectNoAxeViolations(page);
	await prompt.fill(reworded);
	await expect(prompt).toHaveAttribute('aria-invalid', 'false');
	await expect(preview(page).getByRole('group', { name: reworded })).toBeVisible();

	// 3. A citation selected with the mouse in the source reader.
	await page.getByRole('button', { name: 'Add citation', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Cite a passage' })).toBeFocused();
	await expectNoAxeViolations(page);
	const readWrite = picker(page).getByRole('region', { name: 'Text of ReadWrite' });
	await dragAcross(
		readWrite.locator('p[data-start]', { hasText: MOUSE_PASSAGE }),
		'everal users',
		'amples, many'
	);
	await expect(toAdd(page)).toContainText(`Quote from ReadWrite`);
	await expect(toAdd(page).getByRole('blockquote')).toHaveText(`“${MOUSE_PASSAGE}”`);
	await expect(toAdd(page)).toContainText('started or ended inside a word');
	await expectNoAxeViolations(page);
	await toAdd(page).getByRole('button', { name: 'Use this passage' }).click();
	const mouseQuote = citation(page, cited + 1).getByRole('textbox', {
		name: 'Quotation, word for word'
	});
	await expect(mouseQuote).toBeFocused();
	await expect(mouseQuote).toHaveValue(MOUSE_PASSAGE);
	await expect(citation(page, cited + 1).getByRole('combobox', { name: 'Source' })).toHaveValue(
		'readwrite-2024-11'
	);

	// 4. Another found with the search box and picked with the keyboard alone.
	await page.getByRole('button', { name: 'Add citation', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Cite a passage' })).toBeFocused();
	await picker(page)
		.getByRole('combobox', { name: 'Source' })
		.selectOption({ label: 'Unattributed: mid-article copy' });
	await picker(page).getByRole('searchbox', { name: 'Words in the passage' }).focus();
	await page.keyboard.type(SEARCHED);
	await expect(page.getByRole('status').filter({ hasText: '2 matches' })).toBeVisible();
	await page.keyboard.press('Tab');
	await expect(picker(page).getByRole('button', { name: /^Match 1:/ })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Citation to add' })).toBeFocused();
	await expect(toAdd(page)).toContainText('paragraph 7');
	await expect(toAdd(page).getByRole('blockquote')).toHaveText(`“${SEARCHED_PASSAGE}”`);
	await expect(toAdd(page).getByRole('definition')).toHaveText('Happen?⏎The');
	await expectNoAxeViolations(page);
	await page.keyboard.press('Tab');
	await expect(toAdd(page).getByRole('button', { name: 'Use this passage' })).toBeFocused();
	await page.keyboard.press('Enter');
	const keyboardQuote = citation(page, cited + 2).getByRole('textbox', {
		name: 'Quotation, word for word'
	});
	await expect(keyboardQuote).toBeFocused();
	await expect(keyboardQuote).toHaveValue(SEARCHED_PASSAGE);
	// The text before it runs across a paragraph break, and the field shows it as recorded.
	await expect(
		citation(page, cited + 2).getByRole('textbox', { name: 'Words just before it' })
	).toHaveValue(SEARCHED_PREFIX);
	await expect(page.getByText(/Found in the .+ text, at characters/)).toHaveCount(cited + 2);
	await expectNoAxeViolations(page);

	// 5. The preview: check the right answer and see the feedback with the new passages.
	const right = original.options.find((o) => o.correct)!;
	await preview(page).getByRole('radio', { name: right.text }).check();
	await preview(page).getByRole('button', { name: 'Check' }).click();
	const feedback = preview(page).getByRole('region', { name: /Correct/ });
	await expect(feedback).toBeVisible();
	await expect(feedback.getByText(right.feedback)).toBeVisible();
	const quotes = feedback.getByRole('blockquote');
	await expect(quotes).toHaveCount(cited + 2);
	await expect(quotes.nth(cited)).toHaveText(`“${MOUSE_PASSAGE}”`);
	await expect(quotes.nth(cited + 1)).toHaveText(`“${SEARCHED_PASSAGE}”`);

	// 6. Save: a question with no problems, kept under its own id.
	await page.getByRole('button', { name: 'Save' }).click();
	const saved = page.getByRole('status').filter({ hasText: 'Saved, with no problems' });
	await expect(saved).toBeVisible();
	await expect(page).toHaveURL(/\/instructor\/write\?id=my-[a-z0-9]+$/);
	const id = new URL(page.url()).searchParams.get('id')!;

	// 7. Back in the builder: the question is "Yours", edited from the bank's; it goes into a pack.
	await saved.getByRole('link', { name: 'pack builder' }).click();
	await expect(page.getByRole('heading', { name: 'Your pack' })).toBeVisible();
	const bankRegion = page.getByRole('region', { name: 'Question bank' });
	const row = bankRegion
		.getByRole('listitem')
		.filter({ has: page.getByRole('checkbox', { name: reworded }) });
	await expect(row.getByText('Yours', { exact: true })).toBeVisible();
	await expect(row.getByRole('link', { name: `edited from ${original.id}` })).toBeVisible();
	const title = 'Week 4: our own questions';
	await page.getByRole('textbox', { name: 'Title' }).fill(title);
	await row.getByRole('checkbox', { name: reworded }).check();
	await expect.poll(() => chosenIds(page)).toEqual([id]);

	// 8. Moodle XML: the new passages are in the question's general feedback.
	const [moodle] = await Promise.all([
		page.waitForEvent('download'),
		page
			.getByRole('list', { name: 'Export' })
			.getByRole('button', { name: 'Moodle XML', exact: true })
			.click()
	]);
	expect(moodle.suggestedFilename()).toMatch(/\.moodle\.xml$/);
	const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(
		readFileSync((await moodle.path())!, 'utf8')
	) as {
		quiz: {
			question: {
				'@_type': string;
				idnumber?: string;
				questiontext?: { text: string };
				generalfeedback?: { text: string };
			}[];
		};
	};
	const exported = xml.quiz.question.filter((q) => q['@_type'] !== 'category');
	expect(exported.map((q) => q.idnumber)).toEqual([id]);
	expect(exported[0]!.questiontext!.text).toContain(reworded);
	const general = exported[0]!.generalfeedback!.text;
	expect(general).toContain(`<p>“${MOUSE_PASSAGE}” — ReadWrite`);
	expect(general).toContain(`<p>“${SEARCHED_PASSAGE}” — Unattributed: mid-article copy`);

	// 9. A reload keeps the question and the pack.
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Your pack' })).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(title);
	await expect.poll(() => chosenIds(page)).toEqual([id]);
	await expect(row.getByText('Yours', { exact: true })).toBeVisible();
	await expect(row.getByRole('checkbox', { name: reworded })).toBeChecked();

	// 10. Download as YAML for its topic; the CLI accepts the file as it is.
	const [yamlDownload] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: `Download as YAML: ${topic.title} (1)` }).click()
	]);
	const file = join(
		mkdtempSync(join(tmpdir(), 'sourced-authoring-')),
		yamlDownload.suggestedFilename()
	);
	await yamlDownload.saveAs(file);
	const topicFile = parseYaml(readFileSync(file, 'utf8')) as {
		topic: { id: string };
		questions: { prompt: string; citations: Record<string, string>[] }[];
	};
	expect(topicFile.topic.id).toBe(topic.id);
	expect(topicFile.questions).toHaveLength(1);
	expect(topicFile.questions[0]!.prompt).toBe(reworded);
	expect(topicFile.questions[0]!.citations.slice(cited)).toEqual([
		{ source: 'readwrite-2024-11', exact: MOUSE_PASSAGE },
		{ source: 'unattributed-mid-article', exact: SEARCHED_PASSAGE, prefix: SEARCHED_PREFIX }
	]);
	const validate = spawnSync('node_modules/.bin/tsx', ['scripts/validate.ts', file], {
		encoding: 'utf8'
	});
	expect(validate.stdout + validate.stderr).toContain('OK, a topic file that can be added');
	expect(validate.status).toBe(0);
});
