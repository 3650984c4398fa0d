import { bankVersion } from '$lib/content/identity';
import { getBank } from '$lib/server/bank';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const bank = getBank();
	return {
		questions: bank.questions,
		bankVersion: bankVersion(bank.questions),
		topics: bank.topics.map(({ id, title }) => ({ id, title })),
		sourceLabels: Object.fromEntries(bank.sources.map((s) => [s.id, s.label]))
	};
};
