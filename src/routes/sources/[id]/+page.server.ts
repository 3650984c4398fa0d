import { error } from '@sveltejs/kit';
import { citedPassages } from '$lib/content/passages';
import { packPassages, shortText } from '$lib/quiz/reader';
import { getBank } from '$lib/server/bank';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => getBank().sources.map(({ id }) => ({ id }));

export const load: PageServerLoad = ({ params }) => {
	const bank = getBank();
	const source = bank.sources.find((s) => s.id === params.id);
	if (!source) error(404, `No source "${params.id}"`);
	const { text, file, sha256, ...meta } = source;
	// The reader shows a question's prompt cut short, so the page carries it short. The text goes as
	// it is: the page splits it at the passages itself, only when it marks one.
	const passages = citedPassages(bank, source.id).map((passage) => ({
		...passage,
		citedBy: passage.citedBy.map((citer) =>
			citer.kind === 'question' ? { ...citer, label: shortText(citer.label, 90) } : citer
		)
	}));
	return { source: meta, text, cited: packPassages(passages) };
};
