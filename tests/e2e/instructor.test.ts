import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { parse as parseGift } from 'gift-pegjs';
import { marked } from 'marked';
import { packSchema, type Pack } from '../../src/lib/content/schema';
import { bankPack, expectNoAxeViolations, test } from './fixtures';

async function openBuilder(page: Page) {
	await page.goto('/instructor');
	await expect(page.getByRole('heading', { name: 'Your pack' })).toBeVisible();
}

// Tests about one part of the builder check that part with axe (the bank's rows, unchanged by most,
// are slow to check); the first test checks the whole page.
const PACK_COLUMN = '.pack-column';
const BANK_SECTION = 'section:has(> #bank-heading)';

/** The list of the questions in the pack, named by its heading "Questions (5, about 8 min)". */
const chosenList = (page: Page) => page.getByRole('list', { name: /^Questions \(/ });

/** The ids of the questions in the pack, in order: each item reads "<id> <prompt>". */
async function chosenIds(page: Page): Promise<string[]> {
	const items = await chosenList(page).getByRole('listitem').allTextContents();
	return items.map((text) => text.trim().split(/\s+/)[0]!);
}

/** Chooses a pack file with the import button, as an instructor would. */
async function importFile(page: Page, name: string, content: string | Buffer) {
	await page.getByLabel('Choose a pack file…').setInputFiles({
		name,
		mimeType: 'application/json',
		buffer: Buffer.from(content)
	});
}

/** Builds "Week 3: art washing": three art-washing questions plus two at random from the bank. */
async function buildArtWashingPack(page: Page) {
	const pack = await bankPack(page.request);
	const artWashing = pack.questions.filter((q) => q.topic === 'art-washing').length;
	await openBuilder(page);
	await page.getByRole('textbox', { name: 'Title' }).fill('Week 3: art washing');
	await page
		.getByRole('textbox', { name: 'Instructions for students' })
		.fill('Work alone; 15 minutes.');
	await page.getByRole('radio', { name: /^Test/ }).check();
	await page
		.getByRole('combobox', { name: 'Topic' })
		.selectOption({ label: 'Art washing and PR value' });
	await expect(
		page.getByText(`${artWashing} of ${pack.questions.length} questions match.`, { exact: true })
	).toBeVisible();
	const boxes = page.getByRole('region', { name: 'Question bank' }).getByRole('checkbox');
	for (let i = 0; i < 3; i++) await boxes.nth(i).check();
	await page.getByRole('combobox', { name: 'Topic' }).selectOption({ label: 'Any topic' });
	await page.getByRole('searchbox', { name: /Search/ }).fill('watermark');
	await page.getByRole('spinbutton', { name: 'How many' }).fill('2');
	await page.getByRole('button', { name: /^Add 2 at random/ }).click();
	await expect(
		page.getByRole('heading', { name: /^Questions \(5, about \d+ min\)$/ })
	).toBeVisible();
}

test('an instructor builds a pack by filtering and selecting, and a reload loses nothing', async ({
	page
}) => {
	// The whole bank's rows plus an axe pass over them: slower than most pages on a busy machine.
	test.slow();
	await buildArtWashingPack(page);
	const listed = await chosenIds(page);
	expect(listed).toHaveLength(5);
	await page.getByRole('button', { name: `Move up: ${listed[2]}` }).click();
	const reordered = [listed[0], listed[2], listed[1], ...listed.slice(3)];
	await expect.poll(() => chosenIds(page)).toEqual(reordered);

	await page.reload();
	await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Week 3: art washing');
	await expect(page.getByRole('textbox', { name: 'Instructions for students' })).toHaveValue(
		'Work alone; 15 minutes.'
	);
	await expect(page.getByRole('radio', { name: /^Test/ })).toBeChecked();
	await expect(chosenList(page).getByRole('listitem')).toHaveCount(5);
	expect(await chosenIds(page)).toEqual(reordered);
	await expectNoAxeViolations(page);
});

test('the share link opens exactly this pack for a student in a fresh browser', async ({
	page,
	browser
}) => {
	await buildArtWashingPack(page);
	const ids = await chosenIds(page);
	const link = await page.getByRole('textbox', { name: 'Link to this pack' }).inputValue();

	const student = await browser.newContext();
	const tab = await student.newPage();
	await tab.goto(link);
	await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Week 3: art washing');
	await expect(tab.getByText('Work alone; 15 minutes.')).toBeVisible();
	await expect(tab.getByText(/^Test mode/)).toBeVisible();
	await expect(tab.getByRole('group', { name: /^Question 1 of 5/ })).toBeVisible();
	expect(new URL(tab.url()).searchParams.get('ids')).toBe(ids.join(','));
	await student.close();
});

test('every export downloads and parses', async ({ page }) => {
	// Nine formats, one of them a SCORM package made in the page from a 170 kB player and sources.
	test.setTimeout(120_000);
	await buildArtWashingPack(page);
	const buttons = page.getByRole('list', { name: 'Export' }).getByRole('button');
	const count = await buttons.count();
	expect(count).toBeGreaterThanOrEqual(8);
	const seen: string[] = [];
	for (let i = 0; i < count; i++) {
		const [download] = await Promise.all([page.waitForEvent('download'), buttons.nth(i).click()]);
		const name = download.suggestedFilename();
		const bytes = readFileSync((await download.path())!);
		const text = bytes.toString('utf8');
		seen.push(name);
		if (name.endsWith('.zip')) {
			const files = unzipSync(new Uint8Array(bytes));
			expect(Object.keys(files), name).toContain('imsmanifest.xml');
			for (const [file, content] of Object.entries(files))
				if (file.endsWith('.xml'))
					expect(XMLValidator.validate(new TextDecoder().decode(content)), file).toBe(true);
		} else if (name.endsWith('.moodle.xml')) {
			expect(XMLValidator.validate(text)).toBe(true);
			expect(text.match(/<question type="(?!category)/g)).toHaveLength(5);
			expect(text).toContain('<text><![CDATA[$course$/top/Week 3: art washing]]></text>');
			await expect(
				page
					.getByRole('status')
					.filter({ hasText: 'Moodle keeps: the category "Week 3: art washing"' })
			).toBeVisible();
		} else if (name.endsWith('.gift.txt')) {
			const parsed = parseGift(text);
			expect(parsed[0]).toEqual({ type: 'Category', title: '$course$/top/Week 3: art washing' });
			expect(parsed.filter((q) => q.type !== 'Category')).toHaveLength(5);
			await expect(
				page.getByRole('status').filter({ hasText: 'does not keep: the quiz settings' })
			).toBeVisible();
		} else if (name.endsWith('.json')) {
			const pack = packSchema.parse(JSON.parse(text));
			expect(pack.title).toBe('Week 3: art washing');
			expect(pack.questions).toHaveLength(5);
		} else if (name.endsWith('.csv')) {
			expect(parseCsv(text, { bom: true, columns: true })).toHaveLength(5);
		} else if (name.endsWith('.md')) {
			expect(marked.lexer(text).some((t) => t.type === 'heading')).toBe(true);
		} else if (name.endsWith('.aiken.txt')) {
			expect(text).toMatch(/^ANSWER: [A-Z]$/m);
		} else throw new Error(`unexpected download ${name}`);
		await expect(page.getByRole('status').filter({ hasText: /downloaded/ })).toBeVisible();
	}
	expect(new Set(seen).size).toBe(count);
});

test('ready-made packs: the whole bank and each topic in every format, each file the pack it names', async ({
	page,
	request
}) => {
	const bank = await bankPack(request);
	await openBuilder(page);
	await page.getByRole('link', { name: 'Ready-made packs' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ready-made packs');
	await expectNoAxeViolations(page);

	const rows = page
		.getByRole('table')
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader') });
	await expect(rows).toHaveCount(1 + bank.topics.length);
	await expect(rows.first().getByRole('rowheader')).toHaveText(
		`Whole bank (${bank.questions.length})`
	);
	for (const [i, topic] of bank.topics.entries()) {
		const count = bank.questions.filter((q) => q.topic === topic.id).length;
		await expect(rows.nth(i + 1).getByRole('rowheader')).toContainText(`(${count})`);
	}
	// Every row has the same formats and a print view; a topic's GIFT file is downloaded and parsed.
	const labels = await rows.first().getByRole('link').allTextContents();
	expect(labels.at(-1)).toBe('Print');
	expect(labels.length).toBeGreaterThanOrEqual(9);
	for (const row of await rows.all())
		expect(await row.getByRole('link').allTextContents()).toEqual(labels);

	const topic = bank.topics[0]!;
	const topicRow = rows.nth(1);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		topicRow.getByRole('link', { name: 'GIFT' }).click()
	]);
	const gift = parseGift(readFileSync((await download.path())!, 'utf8'));
	expect(gift.filter((q) => q.type !== 'Category')).toHaveLength(
		bank.questions.filter((q) => q.topic === topic.id).length
	);
	await topicRow.getByRole('link', { name: 'Print' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: `Sourced: ${topic.title}`, exact: true })
	).toBeVisible();
});

test('a SCORM package with a pass mark, built in the browser from the player and the sources', async ({
	page
}) => {
	test.setTimeout(120_000);
	await buildArtWashingPack(page);
	await page.getByRole('spinbutton', { name: 'Pass mark (%), optional' }).fill('65');
	await expectNoAxeViolations(page, { except: BANK_SECTION });
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'SCORM 1.2 package' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/\.scorm12\.zip$/);
	const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
	const text = (name: string) => new TextDecoder().decode(files[name]);
	expect(text('imsmanifest.xml')).toContain('<adlcp:masteryscore>65</adlcp:masteryscore>');
	expect(text('index.html')).toContain('data-pass-mark="65"');
	expect(files['player.js']!.length).toBeGreaterThan(10_000);
	const pack = packSchema.parse(JSON.parse(text('pack.json')));
	expect(pack.questions).toHaveLength(5);
	for (const source of pack.sources) expect(text(`sources/${source.id}.html`)).toContain('<mark');
	await expect(page.getByRole('status').filter({ hasText: /SCORM 1.2 package/ })).toBeVisible();
});

test('the print view shows a worksheet and a separate answer key', async ({ page, request }) => {
	await buildArtWashingPack(page);
	const ids = await chosenIds(page);
	await page.getByRole('link', { name: 'Print view' }).click();
	const worksheetTitle = page.getByRole('heading', {
		level: 1,
		name: 'Week 3: art washing',
		exact: true
	});
	await expect(worksheetTitle).toBeVisible();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Answer key: Week 3: art washing' })
	).toBeVisible();
	const worksheet = page.getByRole('article').filter({ has: worksheetTitle });
	const prompts = new Map((await bankPack(request)).questions.map((q) => [q.id, q.prompt]));
	for (const id of ids)
		await expect(worksheet.getByText(prompts.get(id)!, { exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
	await expect(page.getByRole('banner')).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
	await expect(page.getByRole('banner')).toBeHidden();
	await page.emulateMedia({ media: 'screen' });
	await expectNoAxeViolations(page);
});

test('a good pack file imports as a new pack; a bad one is refused with paths and changes nothing', async ({
	page,
	request
}) => {
	// An import checks every quotation, and axe runs over the whole bank's rows: slow on two cores.
	test.slow();
	const bank = await bankPack(request);
	const good: Pack = {
		...bank,
		id: 'imported',
		title: 'Imported pack',
		questions: bank.questions.slice(0, 4)
	};
	await openBuilder(page);
	const packs = page.getByRole('combobox', { name: 'Pack being edited' });
	const before = await packs.getByRole('option').count();

	const bad = JSON.parse(JSON.stringify(good));
	bad.questions[1].kind = 'poem';
	bad.settings.mode = 'exam';
	await importFile(page, 'broken.json', JSON.stringify(bad));
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('broken.json was not imported');
	await expect(alert).toContainText(`Question 2 (${good.questions[1]!.id}), kind:`);
	await expect(alert).toContainText('$.questions[1].kind');
	await expect(alert).toContainText('$.settings.mode');
	await expect(packs.getByRole('option')).toHaveCount(before);

	await importFile(page, 'good.json', JSON.stringify(good));
	const status = page.getByRole('status').filter({ hasText: 'Imported “' });
	await expect(status).toHaveText(
		/^Imported “Imported pack” from good\.json: 4 questions, all as in the bank\./
	);
	await expect(packs.getByRole('option')).toHaveCount(before + 1);
	await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Imported pack');
	await expect(chosenList(page).getByRole('listitem')).toHaveCount(4);
	const linkNotice = page.getByText('A link carries question ids, not question text');
	await expect(linkNotice).toHaveCount(0);
	await expectNoAxeViolations(page, { except: BANK_SECTION });

	// The site's own export, unchanged, comes back as the bank's questions: a link carries them all.
	const published = await (await request.get('/packs/all.json')).body();
	await importFile(page, 'all.json', published);
	await expect(status).toContainText(
		`from all.json: ${bank.questions.length} questions, all as in the bank`
	);
	await expect(chosenList(page).getByRole('listitem')).toHaveCount(bank.questions.length);
	await expect(linkNotice).toHaveCount(0);
});

test('a made-up quotation is refused in plain words, naming the question and citation, and nothing is lost', async ({
	page,
	request
}) => {
	const bank = await bankPack(request);
	const ars = bank.sources.find((s) => s.label === 'Ars Technica')!;
	const faked = structuredClone({
		...bank,
		title: 'Faked',
		questions: bank.questions.slice(0, 12)
	});
	faked.questions[3]!.citations[0] = {
		source: ars.id,
		exact: 'OpenAI has paid every artist in the alpha a generous fee for their feedback.',
		start: 0,
		end: 10,
		anchor: 'p0-10'
	};
	await buildArtWashingPack(page);
	const packs = page.getByRole('combobox', { name: 'Pack being edited' });
	const before = await packs.getByRole('option').count();
	const ids = await chosenIds(page);

	await importFile(page, 'faked.json', JSON.stringify(faked));
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('faked.json was not imported');
	await expect(alert).toContainText(
		`Question 4 (${faked.questions[3]!.id}): the quotation in citation 1 is not in the Ars Technica source. Nearest passage: “`
	);
	await alert.getByText('Where in the file').click();
	await expect(
		alert.getByText(
			/^\$\.questions\[3\]\.citations\[0\]\.exact: citation 1 \(source ars-technica-2024-11-27\): quote not found/
		)
	).toBeVisible();
	await expectNoAxeViolations(page, { except: BANK_SECTION });

	await expect(packs.getByRole('option')).toHaveCount(before);
	await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Week 3: art washing');
	expect(await chosenIds(page)).toEqual(ids);
});

test("an edited pack: the notice names the edited question; print and exports use the pack's text", async ({
	page,
	request
}) => {
	// An import checks every quotation, and axe runs over the whole bank's rows: slow on two cores.
	test.slow();
	const bank = await bankPack(request);
	const edited = structuredClone({
		...bank,
		title: 'Colleague week 3',
		questions: bank.questions.slice(0, 12)
	});
	const changed = edited.questions[3]!;
	changed.prompt = `${changed.prompt} (as my colleague put it)`;
	await openBuilder(page);
	await importFile(page, 'colleague.json', JSON.stringify(edited));
	await expect(page.getByRole('status').filter({ hasText: 'Imported “' })).toHaveText(
		`Imported “Colleague week 3” from colleague.json: 12 questions, 1 differs from the bank (${changed.id} edited in this pack). Print and exports use the pack’s own text; a share link gives students the bank’s version. It is now the pack being edited.`
	);
	await expect(page.getByText('A link carries question ids, not question text')).toHaveText(
		`A link carries question ids, not question text: ${changed.id} is edited in this pack, but students following the link get the bank’s version. The print view and the exports use this pack’s own text; to give students that text, export the pack to your LMS or print it.`
	);
	await expectNoAxeViolations(page, { except: BANK_SECTION });

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Sourced pack (JSON)' }).click()
	]);
	const exported = packSchema.parse(JSON.parse(readFileSync((await download.path())!, 'utf8')));
	expect(exported.questions[3]!.prompt).toBe(changed.prompt);

	await page.getByRole('link', { name: 'Print view' }).click();
	const worksheet = page.getByRole('article').filter({
		has: page.getByRole('heading', { level: 1, name: 'Colleague week 3', exact: true })
	});
	await expect(worksheet.getByText(changed.prompt)).toBeVisible();
	await expect(
		worksheet.getByRole('listitem').filter({ has: page.locator('.prompt') })
	).toHaveCount(12);
});

test('re-importing a pack of the same name asks to replace it or keep both', async ({
	page,
	request
}) => {
	// An import checks every quotation, and axe runs over the whole bank's rows: slow on two cores.
	test.slow();
	const bank = await bankPack(request);
	const pack: Pack = { ...bank, title: 'Week 5', questions: bank.questions.slice(0, 3) };
	await openBuilder(page);
	const packs = page.getByRole('combobox', { name: 'Pack being edited' });
	await importFile(page, 'week5.json', JSON.stringify(pack));
	await expect(page.getByRole('status').filter({ hasText: 'Imported “Week 5”' })).toBeVisible();
	const before = await packs.getByRole('option').count();

	const bigger = { ...pack, questions: bank.questions.slice(0, 5) };
	await importFile(page, 'week5.json', JSON.stringify(bigger));
	const question = page.getByRole('group', { name: /already have a pack named “Week 5”/ });
	await expect(question).toBeVisible();
	await expect(question.getByText(/already have a pack named/)).toBeFocused();
	await expectNoAxeViolations(page, { except: BANK_SECTION });
	await question.getByRole('button', { name: 'Keep both (the new one is “Week 5 (2)”)' }).click();
	await expect(packs.getByRole('option')).toHaveCount(before + 1);
	await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Week 5 (2)');
	await expect(page.getByRole('status').filter({ hasText: 'Imported “Week 5 (2)”' })).toBeVisible();

	await importFile(page, 'week5.json', JSON.stringify(bigger));
	await question.getByRole('button', { name: 'Replace “Week 5”' }).click();
	await expect(packs.getByRole('option')).toHaveCount(before + 1);
	await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Week 5');
	await expect(chosenList(page).getByRole('listitem')).toHaveCount(5);
	await expect(
		page.getByRole('status').filter({ hasText: 'replaced the pack of the same name' })
	).toBeVisible();

	await importFile(page, 'week5.json', JSON.stringify(pack));
	await question.getByRole('button', { name: 'Cancel import' }).click();
	await expect(question).toHaveCount(0);
	await expect(packs.getByRole('option')).toHaveCount(before + 1);
	await expect(chosenList(page).getByRole('listitem')).toHaveCount(5);
});

/** A pack of `count` questions picked by ticking the first rows of the bank. */
async function pickFirstQuestions(page: Page, count: number) {
	const boxes = page.getByRole('region', { name: 'Question bank' }).getByRole('checkbox');
	for (let i = 0; i < count; i++) await boxes.nth(i).check();
	await expect(chosenList(page).getByRole('listitem')).toHaveCount(count);
}

/** Pixels between a radio or checkbox and the start of its label's words. */
async function gapToLabelText(page: Page, control: ReturnType<Page['getByRole']>): Promise<number> {
	return control.evaluate((input) => {
		const label = input.closest('label')!;
		const range = document.createRange();
		range.setStartAfter(input);
		range.setEnd(label, label.childNodes.length);
		const words = [...range.getClientRects()].find((r) => r.width > 0)!;
		return words.left - input.getBoundingClientRect().right;
	});
}

for (const width of [1366, 360]) {
	test(`at ${width} px the mode radios and the shuffle checkbox sit right beside their labels`, async ({
		page
	}) => {
		// Many rows and axe passes on a machine shared by many: give these the slow-test timeout.
		test.slow();
		await page.setViewportSize({ width, height: 800 });
		await openBuilder(page);
		const controls = [
			page.getByRole('radio', { name: /^Practice/ }),
			page.getByRole('radio', { name: /^Test/ }),
			page.getByRole('checkbox', { name: 'Shuffle the options' })
		];
		for (const control of controls) {
			const gap = await gapToLabelText(page, control);
			expect(gap).toBeGreaterThanOrEqual(0);
			expect(gap).toBeLessThanOrEqual(16);
		}
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			width
		);
	});
}

test('on a wide screen the pack stays in view while the bank scrolls', async ({ page }) => {
	// Many rows and axe passes on a machine shared by many: give these the slow-test timeout.
	test.slow();
	await page.setViewportSize({ width: 1366, height: 800 });
	await openBuilder(page);
	await pickFirstQuestions(page, 3);
	const heading = page.getByRole('heading', { name: 'Your pack' });
	await page
		.getByRole('region', { name: 'Question bank' })
		.getByRole('checkbox')
		.nth(40)
		.scrollIntoViewIfNeeded();
	expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
	await expect(heading).toBeInViewport();
	await expectNoAxeViolations(page, { within: PACK_COLUMN });
});

test('a question moves straight to a position, and the move is announced', async ({ page }) => {
	// Many rows and axe passes on a machine shared by many: give these the slow-test timeout.
	test.slow();
	await openBuilder(page);
	await pickFirstQuestions(page, 5);
	const ids = await chosenIds(page);
	await page.getByRole('spinbutton', { name: `Position of ${ids[4]}` }).fill('1');
	await page.getByRole('button', { name: `Move ${ids[4]} to this position` }).click();
	await expect.poll(() => chosenIds(page)).toEqual([ids[4], ...ids.slice(0, 4)]);
	await expect(
		page.getByRole('status').filter({ hasText: `${ids[4]} moved to position 1 of 5.` })
	).toHaveCount(1);
});

test('a question is reordered with the keyboard alone, each move announced; Escape puts it back', async ({
	page
}) => {
	// Many rows and axe passes on a machine shared by many: give these the slow-test timeout.
	test.slow();
	await openBuilder(page);
	await pickFirstQuestions(page, 4);
	const ids = await chosenIds(page);
	const handle = page.getByRole('button', { name: `Reorder ${ids[3]}` });
	const said = (text: string) => page.getByRole('status').filter({ hasText: text });
	await handle.focus();
	await page.keyboard.press('Enter');
	await expect(said(`${ids[3]} picked up at position 4 of 4`)).toHaveCount(1);
	await expect(handle).toHaveAttribute('aria-pressed', 'true');
	await expectNoAxeViolations(page, { within: PACK_COLUMN });
	await page.keyboard.press('ArrowUp');
	await expect(said(`${ids[3]} moved to position 3 of 4.`)).toHaveCount(1);
	await page.keyboard.press('ArrowUp');
	await expect(said(`${ids[3]} moved to position 2 of 4.`)).toHaveCount(1);
	await expect(handle).toBeFocused();
	await page.keyboard.press('Space');
	await expect(said(`${ids[3]} dropped at position 2 of 4.`)).toHaveCount(1);
	expect(await chosenIds(page)).toEqual([ids[0], ids[3], ids[1], ids[2]]);

	await page.keyboard.press('Enter');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Escape');
	await expect(said(`Move cancelled: ${ids[3]} is back at position 2 of 4.`)).toHaveCount(1);
	expect(await chosenIds(page)).toEqual([ids[0], ids[3], ids[1], ids[2]]);
});

test('the pack list shows each question’s kind and cognitive level', async ({ page, request }) => {
	// Many rows and axe passes on a machine shared by many: give these the slow-test timeout.
	test.slow();
	const bank = await bankPack(request);
	await openBuilder(page);
	await pickFirstQuestions(page, 3);
	const ids = await chosenIds(page);
	const items = chosenList(page).getByRole('listitem');
	const kinds: Record<string, string> = {
		single: 'Single answer',
		multiple: 'Multiple answer',
		'true-false': 'True or false',
		ordering: 'Ordering',
		matching: 'Matching',
		essay: 'Written argument'
	};
	for (const [i, id] of ids.entries()) {
		const q = bank.questions.find((x) => x.id === id)!;
		await expect(items.nth(i)).toContainText(kinds[q.kind]!);
		if (q.level) await expect(items.nth(i)).toContainText(new RegExp(q.level, 'i'));
	}
});

test('searching "labor" finds the "labour" questions too and marks the words; no "Add all" for zero matches', async ({
	page
}) => {
	// Many rows and axe passes on a machine shared by many: give these the slow-test timeout.
	test.slow();
	await openBuilder(page);
	const search = page.getByRole('searchbox', { name: /Search/ });
	const count = page.getByText(/^\d+ of \d+ questions match\.$/);
	await search.fill('labour');
	const british = await count.textContent();
	await search.fill('labor');
	await expect(count).toHaveText(british!);
	expect(Number(british!.split(' ')[0])).toBeGreaterThan(0);
	const marks = page.getByRole('region', { name: 'Question bank' }).locator('mark');
	expect(await marks.count()).toBeGreaterThan(0);
	for (const text of await marks.allTextContents()) expect(text).toMatch(/labou?r/i);
	await expectNoAxeViolations(page, { within: BANK_SECTION });

	await page.getByRole('combobox', { name: 'Topic' }).selectOption({ index: 1 });
	await expect(page.getByRole('button', { name: /^Add all of/ })).toBeVisible();
	await search.fill('zzqqxx');
	await expect(page.getByText(/^0 of \d+ questions match\.$/)).toBeVisible();
	await expect(page.getByRole('button', { name: /^Add all of/ })).toHaveCount(0);
	await expectNoAxeViolations(page, { within: BANK_SECTION });
});

test('the export report comes into view below the buttons and is announced', async ({ page }) => {
	test.slow();
	await page.setViewportSize({ width: 1366, height: 700 });
	await openBuilder(page);
	await pickFirstQuestions(page, 3);
	await page.getByRole('button', { name: 'Aiken' }).scrollIntoViewIfNeeded();
	await page.evaluate(() => window.scrollBy(0, -200));
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Aiken' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/\.aiken\.txt$/);
	const report = page.getByRole('status', { name: 'Export report' });
	await expect(report).toContainText('Aiken');
	await expect(report.locator('.notes')).toBeInViewport();
});

/** The middle of an element's box on screen. */
async function middleOf(locator: ReturnType<Page['getByRole']>) {
	const box = (await locator.boundingBox())!;
	return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

/**
 * Picks four questions and scrolls their list to the top of the window (or of the sticky pack
 * column), so that the third question's lower half is on screen: rows are about 200 px tall.
 */
async function fourQuestionsInView(page: Page) {
	await openBuilder(page);
	await pickFirstQuestions(page, 4);
	await chosenList(page).evaluate((list) => list.scrollIntoView({ block: 'start' }));
	return chosenIds(page);
}

/** Where the pack list starts on screen: it stays put when a question is dropped. */
const listTop = (page: Page) =>
	chosenList(page).evaluate((list) => list.getBoundingClientRect().top);

/** Presses the mouse on a question's handle and moves it, in steps, to the third row's lower part. */
async function dragBelowThird(page: Page, id: string) {
	const handle = await middleOf(page.getByRole('button', { name: `Reorder ${id}` }));
	const third = await middleOf(chosenList(page).getByRole('listitem').nth(2));
	await page.mouse.move(handle.x, handle.y);
	await page.mouse.down();
	await page.mouse.move(handle.x, third.box.y + third.box.height * 0.75, { steps: 12 });
}

for (const width of [1280, 390]) {
	test(`at ${width} px a question dragged by its handle with the mouse lands where it is let go`, async ({
		page
	}) => {
		// Many rows and axe passes on a machine shared by many: give these the slow-test timeout.
		test.slow();
		await page.setViewportSize({ width, height: 800 });
		const ids = await fourQuestionsInView(page);
		const column = await chosenList(page).evaluate(
			(list) => getComputedStyle(list.closest('section')!.parentElement!).position
		);
		expect(column).toBe(width >= 1100 ? 'sticky' : 'static');

		const top = await listTop(page);
		await dragBelowThird(page, ids[0]!);
		expect(await chosenIds(page)).toEqual(ids);
		await page.mouse.up();

		const moved = [ids[1], ids[2], ids[0], ids[3]];
		await expect.poll(() => chosenIds(page)).toEqual(moved);
		expect(await listTop(page)).toBe(top);
		await expect(
			page.getByRole('status').filter({ hasText: `${ids[0]} moved to position 3 of 4.` })
		).toHaveCount(1);
		const handle = page.getByRole('button', { name: `Reorder ${ids[0]}` });
		await expect(handle).toBeFocused();
		// The click that ends a drag does not also pick the question up for the arrow keys.
		await expect(handle).toHaveAttribute('aria-pressed', 'false');
		const link = await page.getByRole('textbox', { name: 'Link to this pack' }).inputValue();
		expect(new URL(link).searchParams.get('ids')).toBe(moved.join(','));

		// The same handle still works from the keyboard after a drag.
		await page.keyboard.press('Enter');
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('Enter');
		await expect.poll(() => chosenIds(page)).toEqual([ids[1], ids[0], ids[2], ids[3]]);
	});
}

test('Escape during a mouse drag leaves the question where it was', async ({ page }) => {
	// Many rows and axe passes on a machine shared by many: give these the slow-test timeout.
	test.slow();
	await page.setViewportSize({ width: 1280, height: 800 });
	const ids = await fourQuestionsInView(page);
	await dragBelowThird(page, ids[0]!);
	expect(await chosenIds(page)).toEqual(ids);
	await page.keyboard.press('Escape');
	await page.mouse.up();
	await expect(
		page
			.getByRole('status')
			.filter({ hasText: `Move cancelled: ${ids[0]} is back at position 1 of 4.` })
	).toHaveCount(1);
	expect(await chosenIds(page)).toEqual(ids);
	const handle = page.getByRole('button', { name: `Reorder ${ids[0]}` });
	await expect(handle).toBeFocused();
	await expect(handle).toHaveAttribute('aria-pressed', 'false');
});

test.describe('on a touch screen', () => {
	test.use({ hasTouch: true });

	test('a question dragged by its handle with a finger lands where it is lifted', async ({
		page
	}) => {
		// Many rows and axe passes on a machine shared by many: give these the slow-test timeout.
		test.slow();
		await page.setViewportSize({ width: 390, height: 800 });
		const ids = await fourQuestionsInView(page);
		const handle = await middleOf(page.getByRole('button', { name: `Reorder ${ids[0]}` }));
		const third = await middleOf(chosenList(page).getByRole('listitem').nth(2));
		const top = await listTop(page);
		// Playwright has no touch move: send the finger's path as the browser's own touch input.
		const cdp = await page.context().newCDPSession(page);
		const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', y: number) =>
			cdp.send('Input.dispatchTouchEvent', {
				type,
				touchPoints: type === 'touchEnd' ? [] : [{ x: handle.x, y }]
			});
		await touch('touchStart', handle.y);
		const end = third.box.y + third.box.height * 0.75;
		for (let step = 1; step <= 12; step++)
			await touch('touchMove', handle.y + ((end - handle.y) * step) / 12);
		await touch('touchEnd', end);
		await expect.poll(() => chosenIds(page)).toEqual([ids[1], ids[2], ids[0], ids[3]]);
		// The finger moved the question, not the page, and the list did not jump when it was lifted.
		expect(await listTop(page)).toBe(top);
		await expect(
			page.getByRole('status').filter({ hasText: `${ids[0]} moved to position 3 of 4.` })
		).toHaveCount(1);
	});
});

/** Presses Tab until `target` has the focus (the way a keyboard user reaches it). */
async function tabTo(page: Page, target: Locator) {
	for (let i = 0; i < 15; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) break;
		await page.keyboard.press('Tab');
	}
	await expect(target).toBeFocused();
}

test('the last question of the bank appears as the instructor scrolls down, and once searched for is added and opened from the keyboard', async ({
	page,
	request
}) => {
	test.slow();
	const pack = await bankPack(request);
	const last = pack.questions.at(-1)!;
	await openBuilder(page);
	const bank = page.getByRole('region', { name: 'Question bank' });
	const lastBox = bank.getByRole('checkbox', { name: last.prompt, exact: true });
	// The rows come a few at a time as the page is idle: scroll on until the last one is there.
	await expect(async () => {
		await page.mouse.wheel(0, 5000);
		await expect(lastBox).toHaveCount(1, { timeout: 1000 });
	}).toPass({ timeout: 60_000 });
	await lastBox.scrollIntoViewIfNeeded();
	await expect(lastBox).toBeInViewport();
	await expect(bank.getByRole('checkbox')).toHaveCount(pack.questions.length);

	const search = page.getByRole('searchbox', { name: /Search/ });
	await search.fill(last.id);
	await expect(page.getByText(/^[1-9]\d* of \d+ questions match\.$/)).toBeVisible();
	await search.focus();
	await tabTo(page, lastBox);
	await page.keyboard.press('Space');
	await expect.poll(() => chosenIds(page)).toEqual([last.id]);
	await expect(lastBox).toBeChecked();

	const row = bank
		.getByRole('listitem')
		.filter({ has: page.getByRole('checkbox', { name: last.prompt, exact: true }) });
	const summary = row.getByText('Show answers and sources');
	await tabTo(page, summary);
	await page.keyboard.press('Enter');
	await expect(row.getByText(last.explanation, { exact: false })).toBeVisible();
	await expectNoAxeViolations(page, { within: BANK_SECTION });
});
