import { marked, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import type { Pack, Question } from '../../src/lib/content/schema';
import { exportPack } from '../../src/lib/export/files';
import { quotedPassage } from '../../src/lib/text/quoted-passage';
import { realBankPack, specialCharactersPack } from '../helpers/packs';
import {
	expectedCriterionLine,
	expectedQuestionText,
	rubricPoints,
	singleQuestion
} from '../helpers/questions';

/** A question as a reader sees it once marked has rendered the document. */
interface RenderedQuestion {
	heading: string;
	paragraphs: string[];
	/** Each list item's paragraphs, e.g. ["A. text (right)", "Feedback: …"]. */
	items: string[][];
	quotes: string[];
}

/** What a browser would show for a piece of marked's HTML: tags stripped, entities decoded. */
function shownText(html: string): string {
	return html
		.replace(/<[^>]*>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
		.replace(/&amp;/g, '&')
		.trim();
}

const rendered = (tokens: Token[]) => shownText(marked.parser(tokens));

function exportedText(pack: Pack): string {
	const { file } = exportPack(pack, pack.id, 'markdown');
	if (typeof file.data !== 'string') throw new Error('expected a text file');
	return file.data;
}

/** The document cut at its level-3 headings, each part read as a reader would see it. */
function renderedQuestions(md: string): RenderedQuestion[] {
	const questions: RenderedQuestion[] = [];
	let current: RenderedQuestion | null = null;
	for (const token of marked.lexer(md)) {
		if (token.type === 'heading') {
			const heading = token as Tokens.Heading;
			current = null;
			if (heading.depth === 3) {
				current = { heading: rendered([heading]), paragraphs: [], items: [], quotes: [] };
				questions.push(current);
			}
		} else if (current && token.type === 'paragraph') {
			current.paragraphs.push(rendered([token]));
		} else if (current && token.type === 'list') {
			for (const item of (token as Tokens.List).items)
				current.items.push(item.tokens.filter((t) => t.type !== 'space').map((t) => rendered([t])));
		} else if (current && token.type === 'blockquote') {
			current.quotes.push(rendered([token]));
		}
	}
	return questions;
}

const letter = (i: number) => 'ABCDEFGH'.charAt(i);
const mark = (right: boolean) => (right ? '(right)' : '(wrong)');

/** What a reader should see for one question, straight from the pack. */
function expectedQuestion(pack: Pack, q: Question, number: number): RenderedQuestion {
	const kind = {
		single: 'Single answer',
		multiple: 'Multiple answer',
		'true-false': 'True or false',
		ordering: 'Ordering',
		matching: 'Matching',
		essay: 'Written argument'
	}[q.kind];
	const level = q.level ? ` · Level: ${q.level.charAt(0).toUpperCase()}${q.level.slice(1)}` : '';
	const tags = q.tags.length ? ` · Tags: ${q.tags.join(', ')}` : '';
	const paragraphs = [
		`${kind} · Difficulty: ${q.difficulty}${level}${tags}`,
		...expectedQuestionText(q)
	];
	let items: string[][];
	if (q.kind === 'single' || q.kind === 'multiple') {
		const right = q.options.filter((o) => o.correct).length;
		paragraphs.push(
			q.kind === 'single'
				? 'Options (one is right):'
				: `Options (${right} are right; choose all that apply):`
		);
		items = q.options.map((o, i) => [
			`${letter(i)}. ${o.text} ${mark(o.correct)}`,
			`Feedback: ${o.feedback}`
		]);
	} else if (q.kind === 'true-false') {
		paragraphs.push('Answers:');
		items = [
			[`True ${mark(q.answer)}`, `Feedback: ${q.feedback.ifTrue}`],
			[`False ${mark(!q.answer)}`, `Feedback: ${q.feedback.ifFalse}`]
		];
	} else if (q.kind === 'ordering') {
		paragraphs.push('Items, listed in the right order:');
		items = q.items.map((item) => [item.text]);
	} else if (q.kind === 'matching') {
		paragraphs.push('Pairs, each left-hand item with its right match:');
		items = q.pairs.map((p) => [`${p.left} → ${p.right}`]);
	} else {
		const [first, ...more] = q.modelAnswer.split(/\n{2,}/);
		paragraphs.push(
			`Guidance: ${q.guidance}`,
			`Model answer: ${first}`,
			...more,
			`Rubric (${rubricPoints(q)} points in all):`
		);
		items = q.rubric.map((c) => [expectedCriterionLine(c)]);
	}
	paragraphs.push(`Explanation: ${q.explanation}`, q.citations.length > 1 ? 'Sources:' : 'Source:');
	const quotes = q.citations.map((c) => {
		const source = pack.sources.find((s) => s.id === c.source);
		const url = source?.url && source.url !== 'unknown' ? ` (${source.url})` : '';
		return `${quotedPassage(c.exact)} — ${source?.label}${url}`;
	});
	return { heading: `Question ${number} (${q.id})`, paragraphs, items, quotes };
}

describe('Markdown export of the whole real bank', () => {
	const pack = realBankPack();
	const md = exportedText(pack);
	const questions = renderedQuestions(md);

	it('gives each question one numbered heading, in pack order', () => {
		expect(questions.map((q) => q.heading)).toEqual(
			pack.questions.map((q, i) => `Question ${i + 1} (${q.id})`)
		);
	});

	it('opens with the pack title and description, then a heading for each topic', () => {
		const tokens = marked.lexer(md);
		const [title, description] = tokens.filter((t) => t.type !== 'space');
		expect(rendered([title as Token])).toBe(pack.title);
		expect(rendered([description as Token])).toBe(pack.description);
		const topicHeadings = tokens.filter((t) => t.type === 'heading' && t.depth === 2);
		expect(topicHeadings.map((t) => rendered([t]))).toEqual(pack.topics.map((t) => t.title));
	});

	it('marks the right options in words, and only those', () => {
		pack.questions.forEach((q, i) => {
			const markedRight = questions[i]?.items.map((item) => item[0]?.endsWith('(right)')) ?? [];
			if (q.kind === 'single' || q.kind === 'multiple')
				expect(markedRight, q.id).toEqual(q.options.map((o) => o.correct));
			if (q.kind === 'true-false') expect(markedRight, q.id).toEqual([q.answer, !q.answer]);
		});
	});

	it('shows every question with its kind, level, hypothetical case, prompt, answers, feedback, explanation and quoted sources', () => {
		pack.questions.forEach((q, i) =>
			expect(questions[i], q.id).toEqual(expectedQuestion(pack, q, i + 1))
		);
	});

	it('converts and leaves out nothing', () => {
		expect(exportPack(pack, 'all', 'markdown').notes).toEqual([]);
	});
});

describe('Markdown export of awkward text', () => {
	it('shows every special character of every text field literally', () => {
		const pack = specialCharactersPack();
		const md = exportedText(pack);
		const questions = renderedQuestions(md);
		expect(questions).toEqual(pack.questions.map((q, i) => expectedQuestion(pack, q, i + 1)));

		const headings = marked.lexer(md).filter((t): t is Tokens.Heading => t.type === 'heading');
		expect(headings.map((h) => rendered([h]))).toEqual([
			pack.title,
			pack.topics[0]?.title,
			...pack.questions.map((q, i) => `Question ${i + 1} (${q.id})`)
		]);
	});

	it('keeps text literal where it would start a heading, list, quote or HTML block', () => {
		const prompts = [
			'# not a heading',
			'- not a list',
			'1. not a list',
			'> not a quote',
			'<b>x</b>'
		];
		const pack = {
			...realBankPack(),
			questions: prompts.map((prompt, i) => singleQuestion({ id: `q${i}`, prompt }))
		};
		const questions = renderedQuestions(exportedText(pack));
		expect(questions.map((q) => q.paragraphs[1])).toEqual(prompts);
	});

	it('keeps an entity-like text and a line break in an option inside its list item', () => {
		const q = singleQuestion({
			prompt: 'AT&amp;T &copy; *stars* _under_ `tick` [link](x) ~strike~',
			options: [
				{ id: 'a', text: 'first line\nsecond line', correct: true, feedback: 'Yes.' },
				{ id: 'b', text: 'other', correct: false, feedback: 'No.' }
			]
		});
		const [shown] = renderedQuestions(exportedText({ ...realBankPack(), questions: [q] }));
		expect(shown?.paragraphs[1]).toBe(q.prompt);
		expect(shown?.items[0]).toEqual(['A. first line\nsecond line (right)', 'Feedback: Yes.']);
	});
});

describe('Markdown export of links and line breaks', () => {
	/** The href of every link marked (GFM) makes of the document. */
	const linksIn = (md: string) =>
		[
			...(marked.parse(md, { async: false, gfm: true }) as string).matchAll(
				/<a\s[^>]*href="([^"]*)"/g
			)
		].map((m) => m[1] ?? '');

	it('links nothing but the sources’ own addresses in the real bank', () => {
		const pack = realBankPack();
		const urls = new Set(pack.sources.map((s) => s.url).filter((u) => u !== 'unknown'));
		const links = linksIn(exportedText(pack));
		expect(links.length).toBeGreaterThan(0);
		for (const href of links) expect(urls.has(href), href).toBe(true);
	});

	it('shows bare addresses in any text as text, never as live links', () => {
		const bare = [
			'see https://example.com/x?y=1 now',
			'www.example.org is a site',
			'write to someone@example.net today',
			'ftp://files.example.net/a',
			'(http://in.parens.example)',
			'HTTPS://SHOUT.EXAMPLE and WWW.SHOUT.EXAMPLE',
			'mailto:someone@example.net'
		];
		const linked = realBankPack().sources.find((s) => s.url !== 'unknown')!;
		const q = singleQuestion({
			citations: [{ ...singleQuestion().citations[0]!, source: linked.id }],
			prompt: bare[0]!,
			explanation: bare[1]!,
			options: [
				{ id: 'a', text: bare[2]!, correct: true, feedback: bare[3]! },
				{ id: 'b', text: bare[4]!, correct: false, feedback: bare[5]! },
				{ id: 'c', text: bare[6]!, correct: false, feedback: 'No.' }
			]
		});
		const pack = { ...realBankPack(), questions: [q] };
		const md = exportedText(pack);
		// The one link is the one the export makes: the cited source's own address.
		expect(linksIn(md)).toEqual([linked.url]);
		const [shown] = renderedQuestions(md);
		expect(shown).toEqual(expectedQuestion(pack, q, 1));
	});

	it('keeps a lone carriage return inside its option, feedback and quote, and every option in the list', () => {
		const q = singleQuestion({
			explanation: 'first\rsecond',
			options: [
				{ id: 'a', text: 'first line\rsecond line', correct: true, feedback: 'Yes\rindeed.' },
				{ id: 'b', text: 'other\r\rsecond paragraph', correct: false, feedback: 'No.' },
				{ id: 'c', text: 'third', correct: false, feedback: 'No.' }
			]
		});
		const [shown] = renderedQuestions(exportedText({ ...realBankPack(), questions: [q] }));
		expect(shown?.items).toEqual([
			['A. first line\nsecond line (right)', 'Feedback: Yes\nindeed.'],
			['B. other', 'second paragraph (wrong)', 'Feedback: No.'],
			['C. third (wrong)', 'Feedback: No.']
		]);
		expect(shown?.paragraphs).toContain('Explanation: first\nsecond');
	});
});

describe('Markdown file', () => {
	it('is named after the pack with the .md ending', () => {
		const { file } = exportPack(realBankPack(), 'all', 'markdown');
		expect(file.name).toBe('all.md');
		expect(file.mime).toBe('text/markdown; charset=utf-8');
	});
});
