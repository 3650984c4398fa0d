import { error } from '@sveltejs/kit';
import { citedPassages, segmentSource } from '$lib/content/passages';
import { practiseQuery, shortText } from '$lib/quiz/reader';
import { getBank } from '$lib/server/bank';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => getBank().sources.map(({ id }) => ({ id }));

export const load: PageServerLoad = ({ params }) => {
	const bank = getBank();
	const source = bank.sources.find((s) => s.id === params.id);
	if (!source) error(404, `No source "${params.id}"`);
	const { text, file, sha256, ...meta } = source;
	// Worked out here, not in the browser: the list of cited passages links to some 400 quizzes.
	// The reader shows a question's prompt cut short, so the page carries it short.
	const passages = citedPassages(bank, source.id).map((passage) => ({
		...passage,
		citedBy: passage.citedBy.map((citer) =>
			citer.kind === 'question'
				? {
						...citer,
						label: shortText(citer.label, 90),
						practise: practiseQuery([citer.id], `Question ${citer.id}`)
					}
				: { ...citer, practise: '' }
		)
	}));
	return { source: meta, paragraphs: segmentSource(text, passages), passages };
};
