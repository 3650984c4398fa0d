import { bankVersion } from '$lib/content/identity';
import { getBank } from '$lib/server/bank';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const bank = getBank();
	return {
		bank: {
			questions: bank.questions,
			topics: bank.topics.map(({ id, title, objectives }) => ({ id, title, objectives })),
			version: bankVersion(bank.questions)
		},
		sourceLabels: Object.fromEntries(bank.sources.map((s) => [s.id, s.label]))
	};
};
