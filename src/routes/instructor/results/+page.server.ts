import { bankVersion } from '$lib/content/identity';
import { getBank } from '$lib/server/bank';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const bank = getBank();
	return {
		// The questions stay out of the page (they were most of its weight, 130 kB gzip): it fetches
		// them with the pack builder's files, once it shows.
		bank: {
			topics: bank.topics.map(({ id, title, objectives }) => ({ id, title, objectives })),
			version: bankVersion(bank.questions)
		},
		sourceLabels: Object.fromEntries(bank.sources.map((s) => [s.id, s.label]))
	};
};
