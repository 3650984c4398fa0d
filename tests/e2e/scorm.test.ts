import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type FrameLocator, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import type { Pack } from '../../src/lib/content/schema';
import { exportPack } from '../../src/lib/export/files';
import type { PackageKit } from '../../src/lib/export/types';
import { bankPack, expectNoAxeViolations, firstOfKind, oneOfEachKind, test } from './fixtures';

// An LMS played by scorm-again: a host page at lms.test puts its Scorm12API on window.API and
// iframes the unzipped package, served from a sub-path of the course. Every request the browser
// makes is recorded; none may leave the LMS's origin, and the package's own files come from its path.

const LMS = 'http://lms.test';
const PACKAGE_PATH = '/course/7/mod/scorm/content/1/';
const SCORM_AGAIN = readFileSync(
	createRequire(import.meta.url).resolve('scorm-again/scorm12/min'),
	'utf8'
);

/** What the host page keeps of a launch: the CMI as scorm-again holds it after the SCO is done. */
interface Cmi {
	core: {
		lesson_status: string;
		exit: string;
		entry: string;
		session_time: string;
		score: { raw: string; min: string; max: string };
	};
	suspend_data: string;
	interactions: Record<
		string,
		{
			id: string;
			type: string;
			student_response: string;
			result: string;
			weighting: string;
			latency: string;
			correct_responses: Record<string, { pattern: string }>;
		}
	>;
}

/** A host page that launches the package, with `cmi` loaded first (a second launch resumes from it). */
function hostPage(withApi: boolean, cmi: unknown): string {
	const api = withApi
		? `<script src="/lms/scorm12.min.js"></script>
<script>
window.API = new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
window.API.loadFromJSON(${JSON.stringify(cmi)});
window.commits = 0;
window.API.on('LMSCommit', () => window.commits++);
window.finished = false;
window.API.on('LMSFinish', () => (window.finished = true));
</script>`
		: '';
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course 7 · LMS</title>${api}</head>
<body><main><h1>Course 7</h1><iframe title="Quiz" src="${PACKAGE_PATH}index.html" width="1000" height="900"></iframe></main></body></html>`;
}

/** The LMS as the test drives it: what the next launch starts with, and every request made so far. */
interface Lms {
	launch: { withApi: boolean; cmi: unknown };
	requests: string[];
}

/**
 * Serves the LMS to every page of the browser context (the quiz, and the source windows it opens):
 * its host page, scorm-again, and the package's files under PACKAGE_PATH. Anything else is refused.
 */
async function serveLms(page: Page, files: Record<string, Uint8Array>): Promise<Lms> {
	const lms: Lms = { launch: { withApi: true, cmi: {} }, requests: [] };
	const context = page.context();
	context.on('request', (r) => lms.requests.push(r.url()));
	await context.route('**/*', async (route) => {
		const url = new URL(route.request().url());
		if (url.origin !== LMS) return route.abort();
		if (url.pathname === '/course/7/')
			return route.fulfill({
				contentType: 'text/html',
				body: hostPage(lms.launch.withApi, lms.launch.cmi)
			});
		if (url.pathname === '/lms/scorm12.min.js')
			return route.fulfill({ contentType: 'text/javascript', body: SCORM_AGAIN });
		const file = url.pathname.startsWith(PACKAGE_PATH)
			? files[url.pathname.slice(PACKAGE_PATH.length)]
			: undefined;
		if (!file) return route.fulfill({ status: 404, body: 'not found' });
		const type = {
			html: 'text/html',
			js: 'text/javascript',
			css: 'text/css',
			json: 'application/json'
		};
		const ext = url.pathname.split('.').pop() as keyof typeof type;
		return route.fulfill({
			contentType: type[ext] ?? 'application/octet-stream',
			body: Buffer.from(file)
		});
	});
	return lms;
}

/** The CMI the host holds now. */
const cmiOf = (page: Page) =>
	page.evaluate(
		() =>
			(
				window as unknown as { API: { renderCMIToJSONObject(): { cmi: Cmi } } }
			).API.renderCMIToJSONObject().cmi
	);

const quiz = (page: Page): FrameLocator => page.frameLocator('iframe[title="Quiz"]');

/** Only the LMS's own origin was asked for anything, and the package only for its own files. */
function expectOnlyLmsRequests(requests: string[], files: Record<string, Uint8Array>) {
	expect(requests.length).toBeGreaterThan(0);
	for (const url of requests) {
		expect(url.startsWith(`${LMS}/`), url).toBe(true);
		const path = new URL(url).pathname;
		if (path.startsWith(PACKAGE_PATH))
			expect(Object.keys(files)).toContain(path.slice(PACKAGE_PATH.length));
		else expect(['/course/7/', '/lms/scorm12.min.js']).toContain(path);
	}
}

/** A test-mode pack of one question of every kind, options unshuffled so answers can be chosen by text. */
async function everyKindPack(request: Parameters<typeof bankPack>[0]): Promise<Pack> {
	const bank = await bankPack(request);
	return {
		...bank,
		id: 'week-3',
		title: 'Week 3: every kind',
		description: 'Answer every question, then submit.',
		settings: { mode: 'test', shuffleOptions: false, shuffleQuestions: false },
		questions: [...oneOfEachKind(bank), firstOfKind(bank, 'essay')]
	};
}

async function packageFiles(
	request: Parameters<typeof bankPack>[0],
	pack: Pack,
	passMark?: number
): Promise<Record<string, Uint8Array>> {
	const kit = (await (await request.get('/packs/scorm12-kit.json')).json()) as PackageKit;
	const { file } = exportPack(pack, pack.id, 'scorm12', { kit, passMark });
	return unzipSync(file.data as Uint8Array);
}

test('in an LMS: every kind answered, left and resumed, submitted; status, score, interactions and suspend data reach the LMS', async ({
	page,
	request
}) => {
	test.setTimeout(180_000);
	const pack = await everyKindPack(request);
	const files = await packageFiles(request, pack, 60);
	expect(strFromU8(files['imsmanifest.xml']!)).toContain(
		'<adlcp:masteryscore>60</adlcp:masteryscore>'
	);
	const [single, multiple, trueFalse, ordering, matching, essay] = pack.questions as [
		...ReturnType<typeof oneOfEachKind>,
		ReturnType<typeof firstOfKind<'essay'>>
	];
	const lms = await serveLms(page, files);
	lms.launch.cmi = { core: { student_id: 's-42', student_name: 'Doe, Jo', entry: 'ab-initio' } };
	await page.goto(`${LMS}/course/7/`);
	const frame = quiz(page);
	await expect(frame.getByRole('heading', { name: pack.title })).toBeVisible();
	await expect(frame.getByText(/sent to your course \(pass mark 60%\)/)).toBeVisible();
	await expectNoAxeViolations(page);

	// Started: incomplete, resumable, one interaction per question with its type and correct response.
	let cmi = await cmiOf(page);
	expect(cmi.core.lesson_status).toBe('incomplete');
	expect(cmi.core.exit).toBe('suspend');
	expect(Object.values(cmi.interactions).map((i) => [i.id, i.type, i.weighting])).toEqual([
		[single.id, 'choice', '1'],
		[multiple.id, 'choice', '1'],
		[trueFalse.id, 'true-false', '1'],
		[ordering.id, 'sequencing', '1'],
		[matching.id, 'matching', '1'],
		[essay.id, 'fill-in', '0']
	]);
	const letters = (flags: boolean[]) =>
		flags.flatMap((f, i) => (f ? [String.fromCharCode(97 + i)] : [])).join(',');
	expect(cmi.interactions['0']!.correct_responses['0']!.pattern).toBe(
		letters(single.options.map((o) => o.correct))
	);
	expect(cmi.interactions['2']!.correct_responses['0']!.pattern).toBe(trueFalse.answer ? 't' : 'f');
	expect(cmi.interactions['3']!.correct_responses['0']!.pattern).toBe(
		letters(ordering.items.map(() => true))
	);
	expect(cmi.interactions['4']!.correct_responses['0']!.pattern).toBe(
		matching.pairs.map((_, i) => `${i + 1}.${String.fromCharCode(97 + i)}`).join(',')
	);

	// Three answers (the true/false one wrong), each committed at once.
	const commitsBefore = await page.evaluate(
		() => (window as unknown as { commits: number }).commits
	);
	await frame.getByRole('radio', { name: single.options.find((o) => o.correct)!.text }).check();
	await frame.getByRole('button', { name: 'Next', exact: true }).click();
	for (const o of multiple.options.filter((o) => o.correct))
		await frame.getByRole('checkbox', { name: o.text }).check();
	await frame.getByRole('button', { name: 'Next', exact: true }).click();
	await frame.getByRole('radio', { name: trueFalse.answer ? 'False' : 'True' }).check();
	await frame.getByRole('button', { name: 'Next', exact: true }).click();
	expect(
		await page.evaluate(() => (window as unknown as { commits: number }).commits)
	).toBeGreaterThan(commitsBefore + 3);
	cmi = await cmiOf(page);
	expect(cmi.interactions['0']!.student_response).toBe(
		letters(single.options.map((o) => o.correct))
	);
	expect(cmi.interactions['0']!.result).toBe('correct');
	expect(cmi.interactions['1']!.student_response).toBe(
		letters(multiple.options.map((o) => o.correct))
	);
	expect(cmi.interactions['2']!.student_response).toBe(trueFalse.answer ? 'f' : 't');
	expect(cmi.interactions['2']!.result).toBe('wrong');
	// scorm-again keeps times as HH:MM:SS.SS whatever the number of hour digits it was given.
	expect(cmi.interactions['0']!.latency).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);

	// The student leaves: the frame goes, and the LMS hears the end of the session, resumable.
	await page.evaluate(() => document.querySelector('iframe')!.remove());
	await expect
		.poll(() => page.evaluate(() => (window as unknown as { finished: boolean }).finished))
		.toBe(true);
	cmi = await cmiOf(page);
	expect(cmi.core.exit).toBe('suspend');
	expect(cmi.core.lesson_status).toBe('incomplete');
	expect(cmi.core.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
	expect(cmi.suspend_data).toMatch(/^S1\./);
	expect(cmi.suspend_data.length).toBeLessThanOrEqual(4096);
	expectOnlyLmsRequests(lms.requests, files);

	// Second launch: the LMS gives the suspend data back; the quiz resumes where the student was.
	const page2 = await page.context().newPage();
	lms.launch.cmi = {
		core: {
			student_id: 's-42',
			student_name: 'Doe, Jo',
			entry: 'resume',
			lesson_status: 'incomplete'
		},
		suspend_data: cmi.suspend_data
	};
	await page2.goto(`${LMS}/course/7/`);
	const frame2 = quiz(page2);
	await expect(frame2.getByRole('group', { name: /^Question 4 of 6/ })).toBeVisible();
	await frame2.getByRole('button', { name: 'Previous' }).click();
	await expect(
		frame2.getByRole('radio', { name: trueFalse.answer ? 'False' : 'True' })
	).toBeChecked();

	await frame2.getByRole('button', { name: 'Next', exact: true }).click();
	await frame2
		.getByRole('button', { name: /^Move down/ })
		.first()
		.click();
	await frame2.getByRole('button', { name: 'Next', exact: true }).click();
	for (const p of matching.pairs)
		await frame2.getByRole('combobox', { name: p.left }).selectOption({ label: p.right });
	await frame2.getByRole('button', { name: 'Next', exact: true }).click();
	await frame2
		.getByRole('textbox', { name: 'Your answer' })
		.fill('ReadWrite reports that the group alleges the work was unpaid.');
	await frame2.getByRole('button', { name: 'Review and submit' }).click();
	await expectNoAxeViolations(page2);
	await frame2.getByRole('button', { name: 'Submit my answers' }).click();
	await expect(frame2.locator('[data-results-heading]')).toBeFocused();

	await expect
		.poll(() => page2.evaluate(() => (window as unknown as { finished: boolean }).finished))
		.toBe(true);
	cmi = await cmiOf(page2);
	const orderingResult = cmi.interactions['3']!.result;
	const orderingScore =
		orderingResult === 'correct' ? 1 : orderingResult === 'wrong' ? 0 : Number(orderingResult);
	// Single, multiple and matching right, true/false wrong, ordering partly (its result rounded to
	// hundredths): out of five marked questions.
	expect(Number(cmi.core.score.raw)).toBeCloseTo(((3 + orderingScore) / 5) * 100, 0);
	expect([cmi.core.score.min, cmi.core.score.max]).toEqual(['0', '100']);
	expect(cmi.core.lesson_status).toBe('passed');
	expect(cmi.core.exit).toBe('');
	expect(cmi.interactions['4']!.result).toBe('correct');
	expect(cmi.interactions['4']!.student_response).toBe(
		cmi.interactions['4']!.correct_responses['0']!.pattern
	);
	expect(cmi.interactions['5']!.result).toBe('neutral');
	expect(cmi.interactions['5']!.student_response).toBe(
		'ReadWrite reports that the group alleges the work was unpaid.'
	);
	expect(cmi.suspend_data.length).toBeLessThanOrEqual(4096);
	await expectNoAxeViolations(page2);

	// A cited passage opens in a page of the package, beside the quiz, with the passage marked.
	const details = frame2.locator('details').first();
	await details.locator('summary').click();
	const cite = details.getByRole('link', { name: /^Read in context/ }).first();
	const href = (await cite.getAttribute('href'))!;
	expect(href).toMatch(/^sources\/[a-z0-9-]+\.html#p\d+-\d+$/);
	const [source] = await Promise.all([page2.context().waitForEvent('page'), cite.click()]);
	await expect(source.locator(`mark#${href.split('#')[1]}`)).toBeVisible();
	await expectNoAxeViolations(source);
	expectOnlyLmsRequests(lms.requests, files);
});

test('with no LMS, the package runs on its own and says nothing is being recorded', async ({
	page,
	request
}) => {
	const pack = await everyKindPack(request);
	const files = await packageFiles(request, {
		...pack,
		settings: { ...pack.settings, mode: 'practice' }
	});
	const lms = await serveLms(page, files);
	lms.launch.withApi = false;
	await page.goto(`${LMS}/course/7/`);
	const frame = quiz(page);
	await expect(
		frame.getByText(/No learning management system was found, so nothing is being recorded/)
	).toBeVisible();
	const [single] = pack.questions as [ReturnType<typeof oneOfEachKind>[0]];
	await frame.getByRole('radio', { name: single.options.find((o) => o.correct)!.text }).check();
	await frame.getByRole('button', { name: 'Check', exact: true }).click();
	await expect(frame.locator('[data-feedback-heading]')).toHaveText(/Correct$/);
	await expectNoAxeViolations(page);
	expectOnlyLmsRequests(lms.requests, files);
});
