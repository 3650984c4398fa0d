import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';
import type { Pack, QuestionKind } from '../../src/lib/content/schema';
import { AUTHORED_KEY_PREFIX } from '../../src/lib/instructor/authored';
import { optionLetter } from '../../src/lib/text/option-letter';
import { quotedPassage } from '../../src/lib/text/quoted-passage';
import {
	bankPack,
	chosenIds,
	dragAcross,
	expectNoAxeViolations,
	firstOfKind,
	test
} from './fixtures';

// Issue 16's "done when", kind by kind: an instructor starts from the bank browser's "New question",
// writes a cited question of every kind the editor offers besides single answer (which the
// authoring journey covers) without reading any docs, checks an answer in the preview, saves it,
// packs all five beside bank questions of the same kinds, and finds each printed, exported to
// Moodle XML and QTI 2.1, and downloaded as YAML the way the bank's own questions are.

/** The preview beside the form: one question as a student sees it in practice mode. */
const preview = (page: Page) => page.getByRole('region', { name: 'Preview', exact: true });
/** The source reader that "Add citation" opens. */
const picker = (page: Page) => page.getByRole('region', { name: 'Cite a passage' });
/** The picker's "Citation to add" panel. */
const toAdd = (page: Page) => page.getByRole('region', { name: 'Citation to add' });
/** An entry of one of the editor's lists: "Option 2", "Item 1", "Pair 3", "Citation 1". */
const entry = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

const READWRITE = 'readwrite-2024-11';
const ARS = 'ars-technica-2024-11-27';

/** What one authored question is, as the test writes it and then looks for it everywhere. */
interface Written {
	kind: Exclude<QuestionKind, 'single'>;
	topic: string;
	prompt: string;
	explanation: string;
	/** Each citation's source and quotation, as it must end up. */
	citations: { source: string; exact: string }[];
}

const multiple = {
	kind: 'multiple',
	topic: 'compensation',
	prompt:
		"In the artists' statement as ReadWrite quotes it, which kinds of work did the artists say they gave without pay? Choose every one that applies.",
	options: [
		{
			text: 'Bug testing',
			correct: true,
			feedback: 'Right: the statement names bug testing first.'
		},
		{ text: 'Feedback', correct: true, feedback: 'Right: feedback is the second kind it names.' },
		{
			text: 'Experimental work',
			correct: true,
			feedback: 'Right: the statement ends its list with experimental work.'
		},
		{
			text: 'Advertising for OpenAI',
			correct: false,
			feedback: 'No: the statement calls the work unpaid labor and names no advertising.'
		}
	],
	explanation:
		'ReadWrite quotes the statement the artists posted on Hugging Face: hundreds of artists provide unpaid labor through bug testing, feedback and experimental work.',
	citations: [
		{
			source: READWRITE,
			exact: 'provide unpaid labor through bug testing, feedback and experimental work'
		}
	]
} as const satisfies Written & Record<string, unknown>;

const trueFalse = {
	kind: 'true-false',
	topic: 'compensation',
	prompt:
		"According to ReadWrite, OpenAI's spokesperson said the artists in the alpha were obliged to give feedback on Sora.",
	answer: false,
	ifTrue: 'Not so: the spokesperson said participation is voluntary, with no obligation.',
	ifFalse:
		'Right: the spokesperson said participation is voluntary, with no obligation to provide feedback or use the tool.',
	explanation:
		'ReadWrite, citing the Washington Post, quotes the spokesperson Niko Felix: artists in the alpha shaped Sora, but taking part was voluntary.',
	citations: [
		{
			source: READWRITE,
			exact: 'Participation is voluntary, with no obligation to provide feedback or use the tool.'
		},
		// Typed with a straight apostrophe; the source has a curly one, which the picker offers.
		{ source: READWRITE, exact: 'Hundreds of artists in our alpha have shaped Sora’s development' }
	]
} as const satisfies Written & Record<string, unknown>;

const ordering = {
	kind: 'ordering',
	topic: 'timeline-response',
	prompt:
		'Put these events of Tuesday 26 November 2024 in the order Ars Technica reports them, first at the top.',
	items: [
		'PR Puppets post their Sora access point on Hugging Face, at about 8:30 Eastern time.',
		"AI experts on social media confirm the page reaches OpenAI's actual Sora API.",
		'The access is revoked, within hours.'
	],
	explanation:
		"Ars Technica dates the posting to about 8:30 Eastern time from Git commit logs; experts then confirmed the page reached OpenAI's Sora API, and the access was revoked within hours.",
	citations: [
		{
			source: ARS,
			exact:
				'PR Puppets posted its "Generate with Sora" access point to Hugging Face at about 8:30 Eastern time Tuesday morning'
		},
		{ source: ARS, exact: 'That access was revoked within hours' }
	]
} as const satisfies Written & Record<string, unknown>;

const matching = {
	kind: 'matching',
	topic: 'compensation',
	prompt:
		'ReadWrite reports three statements about the early access program. Match each with who made it.',
	pairs: [
		{
			left: 'Artists provide unpaid labor for a $150B valued company.',
			right: 'The artists, in their statement on Hugging Face'
		},
		{
			left: 'Taking part is voluntary, with no obligation to give feedback.',
			right: "OpenAI's spokesperson, Niko Felix"
		},
		{
			left: 'Early access goes to red teamers and to visual artists, designers and filmmakers.',
			right: 'OpenAI, in May'
		}
	],
	explanation:
		'ReadWrite quotes the artists’ statement on Hugging Face, quotes Niko Felix as the Washington Post reported him, and recalls what the company stated in May.',
	citations: [
		{ source: READWRITE, exact: 'Hundreds of artists provide unpaid labor' },
		{ source: READWRITE, exact: 'Participation is voluntary' }
	]
} as const satisfies Written & Record<string, unknown>;

const essay = {
	kind: 'essay',
	topic: 'compensation',
	prompt:
		"Was the screening competition fair pay for the artists' work? Argue your view from the sources.",
	guidance:
		"Say what the artists were offered and what they say they gave, weigh OpenAI's reply, and attribute every claim to its source.",
	modelAnswer:
		"According to the artists' statement that ReadWrite quotes, hundreds of testers worked without pay while a select few would have their films screened, which they call minimal compensation next to the PR value OpenAI receives. OpenAI's spokesperson replied that participation is voluntary. The reply says no one was made to work, but not that the work was paid, so the complaint about pay stands.",
	rubric: [
		{ criterion: 'States a position on whether the pay was fair', points: 1 },
		{ criterion: "Attributes the artists' claim and OpenAI's reply to their sources", points: 2 },
		{ criterion: 'Weighs the reply against the complaint about pay', points: 2 }
	],
	explanation:
		'The artists’ statement, as ReadWrite quotes it, sets the screening of a select few against the PR and marketing value OpenAI receives.',
	citations: [
		{
			source: READWRITE,
			exact:
				'offering minimal compensation which pales in comparison to the substantial PR and marketing value OpenAI receives'
		}
	]
} as const satisfies Written & Record<string, unknown>;

const written = [multiple, trueFalse, ordering, matching, essay] as const;

/** The common fields, chosen by keyboard-reachable controls and typed. */
async function fillAbout(
	page: Page,
	about: { topic: string; objective: string; difficulty: string; level: string; tags: string }
) {
	await page.getByRole('combobox', { name: 'Topic', exact: true }).selectOption(about.topic);
	await page
		.getByRole('combobox', { name: 'Learning objective', exact: true })
		.selectOption(about.objective);
	await page
		.getByRole('combobox', { name: 'Difficulty', exact: true })
		.selectOption(about.difficulty);
	await page
		.getByRole('combobox', { name: 'Cognitive level', exact: true })
		.selectOption(about.level);
	await page.getByRole('textbox', { name: 'Tags', exact: true }).fill(about.tags);
}

/** Types into a field the way a person does: focus, then keys. */
async function typeInto(field: Locator, text: string) {
	await field.focus();
	await field.page().keyboard.insertText(text);
}

/** From the bank browser: "New question", then the kind, by keyboard. */
async function startNew(page: Page, kindLabel: string) {
	await page.goto('/instructor');
	await expect(page.getByRole('heading', { name: 'Your pack' })).toBeVisible();
	const summary = page.getByText('New question', { exact: true });
	await summary.focus();
	await page.keyboard.press('Enter');
	const link = page.getByRole('link', { name: kindLabel, exact: true });
	await link.focus();
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('heading', {
			level: 1,
			name: `Write a new question: ${kindLabel.toLowerCase()}`
		})
	).toBeVisible();
	// The sources' texts have arrived: the picker can open.
	await expect(page.getByRole('button', { name: 'Add citation', exact: true })).toBeVisible();
}

/** Opens the picker on a source. */
async function openPicker(page: Page, sourceLabel: string) {
	await page.getByRole('button', { name: 'Add citation', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Cite a passage' })).toBeFocused();
	await picker(page).getByRole('combobox', { name: 'Source' }).selectOption({ label: sourceLabel });
}

/** Finds a passage with the picker's search box and uses the first match, by keyboard alone. */
async function citeBySearch(page: Page, sourceLabel: string, words: string, exact: string) {
	await openPicker(page, sourceLabel);
	await picker(page).getByRole('searchbox', { name: 'Words in the passage' }).focus();
	await page.keyboard.type(words);
	await expect(page.getByRole('status').filter({ hasText: /^1 match$/ })).toBeVisible();
	await page.keyboard.press('Tab');
	await expect(picker(page).getByRole('button', { name: /^Match 1:/ })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(toAdd(page).getByRole('blockquote')).toContainText(exact);
	await page.keyboard.press('Tab');
	await expect(toAdd(page).getByRole('button', { name: 'Use this passage' })).toBeFocused();
	await page.keyboard.press('Enter');
}

/** The citation in the editor: its source and quotation, and the build's "found" line. */
async function expectCitation(page: Page, n: number, cited: { source: string; exact: string }) {
	const group = entry(page, `Citation ${n}`);
	await expect(group.getByRole('combobox', { name: 'Source' })).toHaveValue(cited.source);
	await expect(group.getByRole('textbox', { name: 'Quotation, word for word' })).toHaveValue(
		cited.exact
	);
	await expect(group.getByText(/Found in the .+ text, at characters/)).toBeVisible();
}

/** Saves, expects a question with no problems, and returns its id. */
async function saveValid(page: Page): Promise<string> {
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: /^\s*Saved/ })).toContainText(
		'Saved, with no problems'
	);
	await expect(page).toHaveURL(/\/instructor\/write\?id=my-[a-z0-9]+$/);
	return new URL(page.url()).searchParams.get('id')!;
}

/** Checks the answer in the preview and expects the verdict "Correct" with this feedback. */
async function checkInPreview(page: Page, feedbackText: string) {
	await preview(page).getByRole('button', { name: 'Check', exact: true }).click();
	const feedback = preview(page).getByRole('region', { name: /^Correct/ });
	await expect(feedback).toBeVisible();
	await expect(feedback.getByText(feedbackText).first()).toBeVisible();
	return feedback;
}

async function writeMultiple(page: Page): Promise<string> {
	await startNew(page, 'Multiple answer');
	await fillAbout(page, {
		topic: multiple.topic,
		objective: 'comp-o1',
		difficulty: 'core',
		level: 'recall',
		tags: 'unpaid-labour, statement'
	});
	await typeInto(page.getByRole('textbox', { name: 'Prompt', exact: true }), multiple.prompt);
	// The hint says how to mark the right ones; three blank options are there, a fourth is added.
	await expect(
		page.getByRole('group', { name: 'Options', exact: true })
	).toHaveAccessibleDescription(/at least two right and at least one wrong/);
	await page.getByRole('button', { name: 'Add option', exact: true }).click();
	await expect(entry(page, 'Option 4').getByRole('textbox', { name: 'Text' })).toBeFocused();
	for (const [i, option] of multiple.options.entries()) {
		const group = entry(page, `Option ${i + 1}`);
		await typeInto(group.getByRole('textbox', { name: 'Text' }), option.text);
		if (option.correct) {
			await group.getByRole('checkbox', { name: /right answer/ }).focus();
			await page.keyboard.press('Space');
		}
		await typeInto(
			group.getByRole('textbox', { name: 'Feedback to a student who picks it' }),
			option.feedback
		);
	}
	await typeInto(page.getByRole('textbox', { name: 'Explanation' }), multiple.explanation);
	await citeBySearch(page, 'ReadWrite', multiple.citations[0].exact, multiple.citations[0].exact);
	await expectCitation(page, 1, multiple.citations[0]);
	await expect(entry(page, 'Citation 2')).toHaveCount(0);

	for (const option of multiple.options.filter((o) => o.correct))
		await preview(page).getByRole('checkbox', { name: option.text }).check();
	const feedback = await checkInPreview(page, multiple.options[0].feedback);
	await expect(feedback.getByRole('blockquote')).toHaveText(`“${multiple.citations[0].exact}”`);
	await expectNoAxeViolations(page);
	return saveValid(page);
}

async function writeTrueFalse(page: Page): Promise<string> {
	await startNew(page, 'True or false');
	await fillAbout(page, {
		topic: trueFalse.topic,
		objective: 'comp-o3',
		difficulty: 'intro',
		level: 'understand',
		tags: 'voluntary'
	});
	await typeInto(
		page.getByRole('textbox', { name: 'Prompt (the statement to judge)' }),
		trueFalse.prompt
	);
	const answer = page.getByRole('group', { name: 'The statement (the prompt) is' });
	await answer.getByRole('radio', { name: 'False' }).focus();
	await page.keyboard.press('Space');
	await expect(answer.getByRole('radio', { name: 'False' })).toBeChecked();
	await typeInto(
		page.getByRole('textbox', { name: 'Feedback to a student who answers True' }),
		trueFalse.ifTrue
	);
	await typeInto(
		page.getByRole('textbox', { name: 'Feedback to a student who answers False' }),
		trueFalse.ifFalse
	);
	await typeInto(page.getByRole('textbox', { name: 'Explanation' }), trueFalse.explanation);

	// Pasted into the picker's box, word for word: the check finds it.
	await openPicker(page, 'ReadWrite');
	const typed = picker(page).getByRole('textbox', { name: 'Quotation' });
	await typeInto(typed, trueFalse.citations[0].exact);
	await picker(page).getByRole('button', { name: 'Check quotation' }).click();
	await expect(toAdd(page).getByRole('blockquote')).toHaveText(`“${trueFalse.citations[0].exact}”`);
	await toAdd(page).getByRole('button', { name: 'Use this passage' }).click();
	await expectCitation(page, 1, trueFalse.citations[0]);

	// Typed with a straight apostrophe: the picker offers the source's own wording.
	await openPicker(page, 'ReadWrite');
	await typeInto(
		picker(page).getByRole('textbox', { name: 'Quotation' }),
		"Hundreds of artists in our alpha have shaped Sora's development"
	);
	await picker(page).getByRole('button', { name: 'Check quotation' }).click();
	await expect(picker(page).getByText(/^Not found as typed\./)).toBeVisible();
	await picker(page)
		.getByRole('button', { name: /^Use the source’s wording:/ })
		.click();
	await expect(toAdd(page).getByRole('blockquote')).toHaveText(`“${trueFalse.citations[1].exact}”`);
	await toAdd(page).getByRole('button', { name: 'Use this passage' }).click();
	await expectCitation(page, 2, trueFalse.citations[1]);

	await preview(page).getByRole('radio', { name: 'False' }).check();
	const feedback = await checkInPreview(page, trueFalse.ifFalse);
	await expect(feedback.getByRole('blockquote')).toHaveCount(2);
	await expectNoAxeViolations(page);
	return saveValid(page);
}

async function writeOrdering(page: Page): Promise<string> {
	await startNew(page, 'Ordering');
	await fillAbout(page, {
		topic: ordering.topic,
		objective: 'time-o1',
		difficulty: 'core',
		level: 'recall',
		tags: 'timeline'
	});
	await typeInto(page.getByRole('textbox', { name: 'Prompt', exact: true }), ordering.prompt);
	await expect(
		page.getByRole('group', { name: 'Items, in the right order', exact: true })
	).toHaveAccessibleDescription(/in the right order/);
	// Typed out of order (first, last, second), then the last is moved up with the keyboard.
	const typedOrder = [ordering.items[0], ordering.items[2], ordering.items[1]];
	for (const [i, text] of typedOrder.entries())
		await typeInto(entry(page, `Item ${i + 1}`).getByRole('textbox', { name: 'Text' }), text);
	await entry(page, 'Item 3').getByRole('button', { name: 'Move up: item 3' }).focus();
	await page.keyboard.press('Enter');
	await expect(
		entry(page, 'Item 2').getByRole('button', { name: 'Move up: item 2' })
	).toBeFocused();
	for (const [i, text] of ordering.items.entries())
		await expect(entry(page, `Item ${i + 1}`).getByRole('textbox', { name: 'Text' })).toHaveValue(
			text
		);
	await typeInto(page.getByRole('textbox', { name: 'Explanation' }), ordering.explanation);

	// Selected with the mouse in Ars Technica's text, starting and ending inside words.
	await openPicker(page, 'Ars Technica');
	await dragAcross(
		picker(page)
			.getByRole('region', { name: 'Text of Ars Technica' })
			.locator('p[data-start]', { hasText: 'PR Puppets posted its' }),
		'R Puppets posted',
		'orning, according'
	);
	await expect(toAdd(page).getByRole('blockquote')).toHaveText(`“${ordering.citations[0].exact}”`);
	await toAdd(page).getByRole('button', { name: 'Use this passage' }).click();
	await expectCitation(page, 1, ordering.citations[0]);
	await citeBySearch(
		page,
		'Ars Technica',
		'that access was revoked within hours',
		ordering.citations[1].exact
	);
	await expectCitation(page, 2, ordering.citations[1]);

	// The preview shows the items shuffled: put them in order with the buttons, then check.
	const shown = preview(page).getByRole('listitem');
	for (const [target, text] of ordering.items.entries()) {
		for (;;) {
			const texts = (await shown.allTextContents()).map((t) => t.trim());
			const at = texts.findIndex((t) => t.includes(text));
			if (at <= target) break;
			await preview(page)
				.getByRole('button', { name: `Move up: ${text}` })
				.click();
		}
	}
	await checkInPreview(page, ordering.explanation);
	await expectNoAxeViolations(page);
	return saveValid(page);
}

async function writeMatching(page: Page): Promise<string> {
	await startNew(page, 'Matching');
	await fillAbout(page, {
		topic: matching.topic,
		objective: 'comp-o3',
		difficulty: 'core',
		level: 'understand',
		tags: 'attribution, voluntary'
	});
	await typeInto(page.getByRole('textbox', { name: 'Prompt', exact: true }), matching.prompt);
	for (const [i, pair] of matching.pairs.entries()) {
		const group = entry(page, `Pair ${i + 1}`);
		await typeInto(group.getByRole('textbox', { name: 'Item' }), pair.left);
		await typeInto(group.getByRole('textbox', { name: 'Its match' }), pair.right);
	}
	await typeInto(page.getByRole('textbox', { name: 'Explanation' }), matching.explanation);
	// Capitals need not match in the search box; the citation keeps the source's.
	await citeBySearch(
		page,
		'ReadWrite',
		'hundreds of artists provide unpaid labor',
		matching.citations[0].exact
	);
	await expectCitation(page, 1, matching.citations[0]);
	await citeBySearch(page, 'ReadWrite', 'participation is voluntary', matching.citations[1].exact);
	await expectCitation(page, 2, matching.citations[1]);

	for (const pair of matching.pairs)
		await preview(page)
			.getByRole('combobox', { name: pair.left })
			.selectOption({ label: pair.right });
	await checkInPreview(page, matching.explanation);
	await expectNoAxeViolations(page);
	return saveValid(page);
}

async function writeEssay(page: Page): Promise<string> {
	await startNew(page, 'Written argument');
	await fillAbout(page, {
		topic: essay.topic,
		objective: 'comp-o2',
		difficulty: 'advanced',
		level: 'evaluate',
		tags: 'screening, argument'
	});
	await typeInto(page.getByRole('textbox', { name: 'Prompt', exact: true }), essay.prompt);
	await typeInto(page.getByRole('textbox', { name: 'Guidance' }), essay.guidance);
	await typeInto(page.getByRole('textbox', { name: 'Model answer' }), essay.modelAnswer);
	for (const [i, criterion] of essay.rubric.entries()) {
		const group = entry(page, `Criterion ${i + 1}`);
		await typeInto(group.getByRole('textbox', { name: 'What earns it' }), criterion.criterion);
		await group.getByRole('combobox', { name: 'Points' }).selectOption(String(criterion.points));
	}
	await typeInto(page.getByRole('textbox', { name: 'Explanation' }), essay.explanation);
	// Typed by hand into the citation's own fields: the build's anchoring finds it.
	const citation = entry(page, 'Citation 1');
	await citation.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'ReadWrite' });
	await typeInto(
		citation.getByRole('textbox', { name: 'Quotation, word for word' }),
		essay.citations[0].exact
	);
	await expectCitation(page, 1, essay.citations[0]);

	await typeInto(
		preview(page).getByRole('textbox', { name: 'Your answer' }),
		'The pay was not fair: the artists say hundreds worked for free while a few had films screened.'
	);
	await preview(page).getByRole('button', { name: 'Compare with the model answer' }).click();
	await expect(preview(page).getByText(essay.modelAnswer)).toBeVisible();
	await expectNoAxeViolations(page);
	return saveValid(page);
}

/** One question of the print view as the page shows it: the worksheet's part and the key's. */
interface PrintedOnPage {
	text: string[];
	instructions: string[];
	/** Lettered lines with a box to tick. */
	boxes: string[];
	/** Items with a blank to number. */
	toNumber: string[];
	matchLeft: string[];
	matchRight: string[];
	ruled: boolean;
	key: string;
	keyId: string;
	keyParagraphs: string[];
	rubric: string[];
	quotes: string[];
}

/** Reads the print view's worksheet and answer key, question by question, in order. */
async function readPrintView(page: Page): Promise<PrintedOnPage[]> {
	return page.evaluate(() => {
		const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
		const all = (root: Element, selector: string) => [...root.querySelectorAll(selector)].map(text);
		const sheet = [...document.querySelectorAll('article.worksheet ol.questions > li')];
		const key = [...document.querySelectorAll('article.key > ol > li')];
		return sheet.map((li, i) => {
			const k = key[i]!;
			return {
				text: all(li, ':scope > p.prompt, :scope > p.case'),
				instructions: all(li, ':scope > p.instruction'),
				boxes: all(li, 'ul.boxes > li:has(.box)'),
				toNumber: all(li, 'ul.boxes > li:has(.blank)'),
				matchLeft: all(li, '.matching > ol > li'),
				matchRight: all(li, '.matching > ul > li'),
				ruled: !!li.querySelector('.ruled'),
				key: text(k.querySelector('strong')),
				keyId: text(k.querySelector('.id')),
				keyParagraphs: all(k, ':scope > p'),
				rubric: all(k, ':scope > ul > li'),
				quotes: all(k, ':scope > blockquote')
			};
		});
	});
}

/** The answer key's form for each kind, whoever wrote the question. */
const keyForm: Record<Written['kind'], RegExp> = {
	multiple: /^[A-H](, [A-H])+$/,
	'true-false': /^(True|False)$/,
	ordering: /^Numbers, top to bottom: [1-6](, [1-6]){2,5}$/,
	matching: /^1–[A-F](, [2-6]–[A-F]){2,5}$/,
	essay: /^Marked by hand with the rubric, out of \d+ points\.$/
};

/** What a printed question looks like with its words taken out: the same for a bank question and an authored one of a kind. */
function layoutOfPrinted(p: PrintedOnPage, kind: Written['kind'], labels: string[]) {
	const sourceNamed = new RegExp(
		`^“.+” — (${labels.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`
	);
	return {
		instruction: p.instructions[0]?.replace(/\d+/g, '#'),
		instructions: p.instructions.length,
		boxes: p.boxes.length > 0,
		toNumber: p.toNumber.length > 0,
		matching: p.matchLeft.length > 0 && p.matchRight.length === p.matchLeft.length,
		ruled: p.ruled,
		key: keyForm[kind].test(p.key),
		keyId: p.keyId.replace(/^\([a-z0-9-]+ · [A-Z][a-z]+\)$/, '(id · level)'),
		keyParagraphs: p.keyParagraphs
			.slice(1, -1)
			.map((t) => (t.endsWith(':') ? t.replace(/\d+/g, '#') : 'text')),
		rubric: p.rubric.length > 0,
		explained: p.keyParagraphs.length > 1,
		quotes: p.quotes.length > 0 && p.quotes.every((q) => sourceNamed.test(q))
	};
}

/** Undoes the few entities the exporters write in text. */
const decoded = (html: string) =>
	html
		.replace(/<[^>]+>/g, ' ')
		.replaceAll('&quot;', '"')
		.replaceAll('&#39;', "'")
		.replaceAll('&apos;', "'")
		.replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>')
		.replaceAll('&amp;', '&')
		.replace(/\s+/g, ' ')
		.trim();

/** Every piece of text under a parsed XML node. */
function textsUnder(node: unknown): string[] {
	if (typeof node === 'string' || typeof node === 'number') return [String(node)];
	if (Array.isArray(node)) return node.flatMap(textsUnder);
	if (node && typeof node === 'object')
		return Object.entries(node).flatMap(([k, v]) => (k.startsWith('@_') ? [] : textsUnder(v)));
	return [];
}

/** Downloads one export from the builder's Export list. */
async function exportAs(page: Page, format: string) {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page
			.getByRole('list', { name: 'Export' })
			.getByRole('button', { name: format, exact: true })
			.click()
	]);
	return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

/** A source's name as the site gives it. */
const labelOf = (pack: Pack, id: string) => pack.sources.find((s) => s.id === id)!.label;

/**
 * What the writing tests leave for the last one: each question's id, and the browser's stored
 * record of it (the key and value the editor saved), to load into the last test's browser.
 */
const authored = { ids: new Map<Written['kind'], string>(), records: new Map<string, string>() };

/** Keeps the question just saved, for the last test. */
async function keep(page: Page, kind: Written['kind'], id: string) {
	authored.ids.set(kind, id);
	for (const origin of (await page.context().storageState()).origins)
		for (const { name, value } of origin.localStorage)
			if (name.startsWith(AUTHORED_KEY_PREFIX)) authored.records.set(name, value);
}

test.describe.configure({ mode: 'serial' });

// Each question typed in full, with its citations, a check in the preview and an axe pass over the
// filled editor: half a minute to a minute on two busy cores.
test.describe('an instructor writes a cited question from "New question", without docs', () => {
	test.beforeEach(() => test.setTimeout(120_000));

	test('multiple answer: options marked right by checkbox, a passage found by search', async ({
		page
	}) => {
		await keep(page, 'multiple', await writeMultiple(page));
	});

	test('true or false: the answer by radio, passages checked as typed and in the source’s own wording', async ({
		page
	}) => {
		await keep(page, 'true-false', await writeTrueFalse(page));
	});

	test('ordering: items typed out of order and moved by keyboard, a passage selected with the mouse', async ({
		page
	}) => {
		await keep(page, 'ordering', await writeOrdering(page));
	});

	test('matching: items and their matches, passages found by search in any capitals', async ({
		page
	}) => {
		await keep(page, 'matching', await writeMatching(page));
	});

	test('written argument: guidance, model answer and rubric, a quotation typed by hand', async ({
		page
	}) => {
		await keep(page, 'essay', await writeEssay(page));
	});
});

test('the five go into a pack beside the bank’s question of each kind, and are printed, exported to Moodle XML and QTI 2.1, and downloaded as YAML that validates, like them', async ({
	page
}) => {
	// Two exports, the CLI run on two files, and a print view of ten questions.
	test.setTimeout(120_000);
	const ids = written.map((w) => authored.ids.get(w.kind)!);
	// Serial mode skips this test when one before it fails; run alone, it says what it is missing.
	expect(ids, 'the questions the five tests before this one write').not.toContain(undefined);
	// The browser holds the five questions as the editor saved them, from the first page on.
	await page.addInitScript(
		(records) => {
			if (sessionStorage.getItem('restored')) return;
			for (const [name, value] of records) localStorage.setItem(name, value);
			sessionStorage.setItem('restored', 'yes');
		},
		[...authored.records]
	);
	const bank = await bankPack(page.request);
	const labels = bank.sources.map((s) => s.label);
	const bankOnes = written.map((w) => firstOfKind(bank, w.kind));

	// 1. The builder lists the five as "Yours"; each goes into one pack beside the bank's of its kind.
	await page.goto('/instructor');
	await expect(page.getByRole('heading', { name: 'Your pack' })).toBeVisible();
	const title = 'Week 5: questions we wrote';
	await page.getByRole('textbox', { name: 'Title' }).fill(title);
	const bankRegion = page.getByRole('region', { name: 'Question bank' });
	for (const [i, w] of written.entries()) {
		const own = page.getByRole('checkbox', { name: w.prompt, exact: true });
		await expect(
			bankRegion.getByRole('listitem').filter({ has: own }).getByText('Yours', { exact: true })
		).toBeVisible();
		await own.check();
		await bankRegion.getByRole('checkbox', { name: bankOnes[i]!.prompt, exact: true }).check();
	}
	const packIds = written.flatMap((_, i) => [ids[i]!, bankOnes[i]!.id]);
	await expect.poll(() => chosenIds(page)).toEqual(packIds);

	// 2. Moodle XML: each authored question as Moodle's own type, its right answer and its passages.
	const moodle = await exportAs(page, 'Moodle XML');
	expect(moodle.name).toMatch(/\.moodle\.xml$/);
	interface MoodleAnswer {
		'@_fraction': string;
		text: string;
	}
	interface MoodleQuestion {
		'@_type': string;
		idnumber?: string;
		questiontext: { text: string };
		generalfeedback: { text: string };
		answer?: MoodleAnswer[];
		subquestion?: { text: string; answer: { text: string } }[];
		graderinfo?: { text: string };
	}
	const quiz = (
		new XMLParser({
			ignoreAttributes: false,
			parseTagValue: false,
			isArray: (_name, path) =>
				['quiz.question', 'quiz.question.answer', 'quiz.question.subquestion'].includes(
					String(path)
				)
		}).parse(moodle.bytes.toString('utf8')) as { quiz: { question: MoodleQuestion[] } }
	).quiz.question.filter((q) => q['@_type'] !== 'category');
	expect(quiz.map((q) => q.idnumber)).toEqual(packIds);
	const moodleType = {
		multiple: 'multichoice',
		'true-false': 'truefalse',
		ordering: 'ordering',
		matching: 'matching',
		essay: 'essay'
	};
	for (const [i, w] of written.entries()) {
		const q = quiz.find((x) => x.idnumber === ids[i])!;
		expect(q['@_type'], w.kind).toBe(moodleType[w.kind]);
		expect(decoded(q.questiontext.text)).toContain(w.prompt);
		const general = decoded(q.generalfeedback.text);
		expect(general).toContain(w.explanation);
		for (const c of w.citations)
			expect(general, `${w.kind}: passage in the general feedback`).toContain(
				`${quotedPassage(c.exact)} — ${labelOf(bank, c.source)}`
			);
		const answers = q.answer ?? [];
		const right = answers.filter((a) => Number(a['@_fraction']) > 0).map((a) => decoded(a.text));
		if (w.kind === 'multiple')
			expect(right).toEqual(multiple.options.filter((o) => o.correct).map((o) => o.text));
		if (w.kind === 'true-false') expect(right).toEqual(['false']);
		if (w.kind === 'ordering') {
			const byRank = [...answers].sort((a, b) => Number(a['@_fraction']) - Number(b['@_fraction']));
			expect(byRank.map((a) => decoded(a.text))).toEqual(ordering.items);
		}
		if (w.kind === 'matching')
			expect(q.subquestion!.map((s) => [decoded(s.text), decoded(s.answer.text)])).toEqual(
				matching.pairs.map((p) => [p.left, p.right])
			);
		if (w.kind === 'essay') expect(decoded(q.graderinfo!.text)).toContain(essay.modelAnswer);
	}

	// 3. QTI 2.1: each authored question is an item whose correct response is the right answer.
	const qti = await exportAs(page, 'QTI 2.1 package');
	expect(qti.name).toMatch(/\.zip$/);
	const files = unzipSync(new Uint8Array(qti.bytes));
	const qtiParser = new XMLParser({
		ignoreAttributes: false,
		parseTagValue: false,
		isArray: (name) =>
			[
				'value',
				'simpleChoice',
				'simpleAssociableChoice',
				'simpleMatchSet',
				'modalFeedback'
			].includes(name)
	});
	interface Choice {
		'@_identifier': string;
		'#text'?: string;
	}
	for (const [i, w] of written.entries()) {
		const xml = files[`items/${ids[i]}.xml`];
		expect(xml, `${w.kind}: items/${ids[i]}.xml in the package`).toBeDefined();
		const item = (
			qtiParser.parse(new TextDecoder().decode(xml)) as {
				assessmentItem: {
					responseDeclaration: { correctResponse?: { value: string[] } };
					itemBody: Record<string, unknown>;
					modalFeedback: unknown[];
				};
			}
		).assessmentItem;
		const correct = item.responseDeclaration.correctResponse?.value ?? [];
		const feedback = decoded(textsUnder(item.modalFeedback).join(' '));
		for (const c of w.citations)
			expect(feedback, `${w.kind}: passage in the feedback`).toContain(
				`${quotedPassage(c.exact)} — ${labelOf(bank, c.source)}`
			);
		const body = item.itemBody;
		const choiceText = (interaction: string) => {
			const choices = (body[interaction] as { simpleChoice: Choice[] }).simpleChoice;
			// The choice's own text, without the feedback shown inline beside it.
			return (id: string) =>
				decoded(choices.find((c) => c['@_identifier'] === id)?.['#text'] ?? '');
		};
		if (w.kind === 'multiple')
			expect(correct.map(choiceText('choiceInteraction'))).toEqual(
				multiple.options.filter((o) => o.correct).map((o) => o.text)
			);
		if (w.kind === 'true-false') expect(correct).toEqual(['FALSE']);
		if (w.kind === 'ordering')
			expect(correct.map(choiceText('orderInteraction'))).toEqual(ordering.items);
		if (w.kind === 'matching') {
			const sets = (
				body.matchInteraction as { simpleMatchSet: { simpleAssociableChoice: Choice[] }[] }
			).simpleMatchSet;
			const textOf = (id: string) =>
				decoded(
					sets.flatMap((set) => set.simpleAssociableChoice).find((c) => c['@_identifier'] === id)?.[
						'#text'
					] ?? ''
				);
			expect(correct.map((pair) => pair.split(' ').map(textOf))).toEqual(
				matching.pairs.map((p) => [p.left, p.right])
			);
		}
		if (w.kind === 'essay') {
			expect(correct).toEqual([]);
			expect(decoded(textsUnder(body).join(' '))).toContain(essay.modelAnswer);
		}
	}

	// 4. Download as YAML, a file per topic; the CLI accepts both as they are.
	const dir = mkdtempSync(join(tmpdir(), 'sourced-kinds-'));
	const yamlFiles: string[] = [];
	for (const [topicId, count] of [
		['compensation', 4],
		['timeline-response', 1]
	] as const) {
		const topic = bank.topics.find((t) => t.id === topicId)!;
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: `Download as YAML: ${topic.title} (${count})` }).click()
		]);
		const file = join(dir, download.suggestedFilename());
		await download.saveAs(file);
		const parsed = parseYaml(readFileSync(file, 'utf8')) as {
			topic: { id: string };
			questions: { kind: string; prompt: string; citations: { source: string; exact: string }[] }[];
		};
		expect(parsed.topic.id).toBe(topicId);
		const mine = written.filter((w) => w.topic === topicId);
		expect(parsed.questions.map((q) => [q.kind, q.prompt])).toEqual(
			mine.map((w) => [w.kind, w.prompt])
		);
		for (const [n, q] of parsed.questions.entries())
			expect(q.citations.map(({ source, exact }) => ({ source, exact }))).toEqual(
				mine[n]!.citations
			);
		yamlFiles.push(file);
	}
	const validate = spawnSync('node_modules/.bin/tsx', ['scripts/validate.ts', ...yamlFiles], {
		encoding: 'utf8'
	});
	expect(validate.stdout + validate.stderr).toContain(
		`${yamlFiles[0]}: OK, a topic file that can be added`
	);
	expect(validate.stdout + validate.stderr).toContain(
		`${yamlFiles[1]}: OK, a topic file that can be added`
	);
	expect(validate.status).toBe(0);

	// 5. The print view: each authored question is laid out as the bank's of its kind, with its
	// answer, explanation and passages in the key.
	await page.getByRole('link', { name: 'Print view' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { level: 1, name: `Answer key: ${title}` })).toBeVisible();
	await expect(page.getByText(written[0].prompt, { exact: true })).toBeVisible();
	const printed = await readPrintView(page);
	expect(printed).toHaveLength(10);
	for (const [i, w] of written.entries()) {
		const own = printed[2 * i]!;
		const theBanks = printed[2 * i + 1]!;
		expect(layoutOfPrinted(own, w.kind, labels), `${w.kind} prints like the bank's`).toEqual(
			layoutOfPrinted(theBanks, w.kind, labels)
		);
		expect(own.text.at(-1)).toBe(w.prompt);
		expect(own.keyId).toContain(ids[i]);
		expect(own.keyParagraphs.at(-1)).toBe(w.explanation);
		expect(own.quotes).toEqual(
			w.citations.map((c) => `${quotedPassage(c.exact)} — ${labelOf(bank, c.source)}`)
		);
	}
	const [pMultiple, pTrueFalse, pOrdering, pMatching, pEssay] = [0, 2, 4, 6, 8].map(
		(n) => printed[n]!
	);
	expect(pMultiple!.boxes).toEqual(multiple.options.map((o, i) => `${optionLetter(i)}. ${o.text}`));
	expect(pMultiple!.key).toBe('A, B, C');
	expect(pTrueFalse!.boxes).toEqual(['T. True', 'F. False']);
	expect(pTrueFalse!.key).toBe('False');
	expect([...pOrdering!.toNumber].sort()).toEqual([...ordering.items].sort());
	expect(pOrdering!.key).toBe(
		`Numbers, top to bottom: ${pOrdering!.toNumber.map((t) => ordering.items.indexOf(t as never) + 1).join(', ')}`
	);
	expect(pMatching!.matchLeft).toEqual(matching.pairs.map((p) => p.left));
	const letterOf = (right: string) =>
		pMatching!.matchRight.find((r) => r.endsWith(`. ${right}`))!.split('.')[0];
	expect(pMatching!.key).toBe(
		matching.pairs.map((p, n) => `${n + 1}–${letterOf(p.right)}`).join(', ')
	);
	expect(pEssay!.ruled).toBe(true);
	expect(pEssay!.instructions).toEqual([
		'Write your argument on the lines below (5 points).',
		essay.guidance
	]);
	expect(pEssay!.keyParagraphs).toContain(essay.modelAnswer);
	expect(pEssay!.rubric).toEqual(
		essay.rubric.map((c) => `${c.criterion} (${c.points} ${c.points === 1 ? 'point' : 'points'})`)
	);
});
