import { getBank } from '$lib/server/bank';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const bank = getBank();
	return {
		questionCount: bank.questions.length,
		topics: bank.topics.map((t) => ({
			...t,
			questionCount: bank.questions.filter((q) => q.topic === t.id).length
		})),
		sources: bank.sources.map(({ id, label, headline, author, published }) => ({
			id,
			label,
			headline,
			author,
			published
		}))
	};
};
