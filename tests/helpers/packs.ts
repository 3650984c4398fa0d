import { loadBank } from '../../src/lib/content/load';
import { bankPack, siteSources, type SiteSource } from '../../src/lib/content/pack';
import { packSchema, type Pack } from '../../src/lib/content/schema';

/** The whole real bank as a pack, as /packs/all.json publishes it. */
export function realBankPack(): Pack {
	return bankPack(loadBank());
}

/** The real bank's sources with their texts, as an import checks a pack against them. */
export function realSiteSources(): SiteSource[] {
	return siteSources(loadBank());
}

/** Every character that some export format treats specially, plus curly quotes. */
export const SPECIAL = `~ = # { } : < > & " ' ]]> “curly” ‘single’ \\ [x] -> %50% $CAT`;

/** Markup and script that must stay text wherever a pack's words are shown or exported. */
export const XSS = [
	'<script>window.__xss=1</script>',
	'<img src=x onerror="window.__xss=1">',
	'<svg onload="window.__xss=1"><circle r=1 /></svg>',
	'javascript:window.__xss=1',
	'"><b onmouseover=window.__xss=1>broken</b',
	'\u202Eevil\u202C RTL override'
];

const s = (label: string) => `${label} ${SPECIAL} ${XSS.join(' ')}`;
/** For fields too short to hold the markup too (titles). */
const short = (label: string) => `${label} ${SPECIAL}`;
const citation = {
	source: 'odd-source',
	exact: s('quoted passage'),
	start: 0,
	end: 10,
	anchor: 'p0-10'
};
const common = (id: string) => ({
	id,
	topic: 'odd-topic',
	difficulty: 'core' as const,
	objective: 'odd-o1',
	prompt: s(`prompt of ${id}`),
	explanation: s(`explanation of ${id}`),
	tags: ['d1'],
	citations: [citation]
});

/**
 * A pack whose every text field holds every special character: one question of each kind (the
 * essay with a hypothetical case and a level). Export tests parse each format back and expect
 * these texts unchanged.
 */
export function specialCharactersPack(): Pack {
	return packSchema.parse({
		schemaVersion: 1,
		id: 'special-characters',
		title: short('Pack title'),
		description: s('Pack description'),
		settings: { mode: 'test', shuffleOptions: false, shuffleQuestions: false },
		topics: [{ id: 'odd-topic', title: short('Topic title') }],
		sources: [
			{
				id: 'odd-source',
				label: `Outlet ~ = # { } : < > & " ' ]]> “q” ‘s’ \\ ->`,
				outlet: short('Outlet'),
				author: 'unknown',
				headline: s('Headline'),
				published: 'unknown',
				dateNote: s('Date note'),
				url: 'unknown',
				captureNotes: [s('Capture note')]
			}
		],
		questions: [
			{
				...common('odd-single'),
				kind: 'single',
				options: [
					{ id: 'a', text: s('right option'), correct: true, feedback: s('feedback right') },
					{ id: 'b', text: s('wrong option'), correct: false, feedback: s('feedback wrong') },
					{ id: 'c', text: s('other wrong option'), correct: false, feedback: s('feedback other') }
				]
			},
			{
				...common('odd-multiple'),
				kind: 'multiple',
				options: [
					{ id: 'a', text: s('right one'), correct: true, feedback: s('fb right one') },
					{ id: 'b', text: s('right two'), correct: true, feedback: s('fb right two') },
					{ id: 'c', text: s('wrong one'), correct: false, feedback: s('fb wrong one') }
				]
			},
			{
				...common('odd-true-false'),
				kind: 'true-false',
				answer: false,
				feedback: { ifTrue: s('if true'), ifFalse: s('if false') }
			},
			{
				...common('odd-ordering'),
				kind: 'ordering',
				items: [
					{ id: 'first', text: s('first item') },
					{ id: 'second', text: s('second item') },
					{ id: 'third', text: s('third item') }
				]
			},
			{
				...common('odd-matching'),
				kind: 'matching',
				pairs: [
					{ id: 'p1', left: s('left one'), right: s('right one') },
					{ id: 'p2', left: s('left two'), right: s('right two') },
					{ id: 'p3', left: s('left three'), right: s('right three') }
				]
			},
			{
				...common('odd-essay'),
				kind: 'essay',
				level: 'evaluate',
				scenario: s('scenario of odd-essay'),
				guidance: s('guidance'),
				modelAnswer: `${s('model answer')}\n\n${s('second paragraph')}`,
				rubric: [
					{ id: 'position', criterion: s('criterion one'), points: 2 },
					{ id: 'evidence', criterion: s('criterion two'), points: 3 },
					{ id: 'counter', criterion: s('criterion three'), points: 1 }
				]
			}
		]
	});
}
