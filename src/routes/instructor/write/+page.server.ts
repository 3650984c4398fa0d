import { getBank } from '$lib/server/bank';
import type { PageServerLoad } from './$types';

/** What the editor offers to choose from: the topics with their objectives, and the sources. */
export const load: PageServerLoad = () => {
	const bank = getBank();
	return {
		topics: bank.topics.map(({ id, title, objectives }) => ({ id, title, objectives })),
		sources: bank.sources.map(({ id, label }) => ({ id, label }))
	};
};
