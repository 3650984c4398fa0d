import { getBank } from '$lib/server/bank';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const bank = getBank();
	return {
		questions: bank.questions,
		topics: bank.topics.map(({ id, title }) => ({ id, title }))
	};
};
