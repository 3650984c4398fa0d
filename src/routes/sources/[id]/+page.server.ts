import { error } from '@sveltejs/kit';
import { citedPassages, segmentSource } from '$lib/content/passages';
import { getBank } from '$lib/server/bank';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => getBank().sources.map(({ id }) => ({ id }));

export const load: PageServerLoad = ({ params }) => {
	const bank = getBank();
	const source = bank.sources.find((s) => s.id === params.id);
	if (!source) error(404, `No source "${params.id}"`);
	const { text, file, sha256, ...meta } = source;
	const passages = citedPassages(bank, source.id);
	return { source: meta, paragraphs: segmentSource(text, passages), passages };
};
