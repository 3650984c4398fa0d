import { mixedSizes, sizesByLevel } from '$lib/quiz/timing';
import { getBank } from '$lib/server/bank';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const bank = getBank();
	return {
		copy: bank.module.pages.home,
		whole: sizesByLevel(bank.questions),
		mixed: mixedSizes(bank.questions),
		topics: bank.topics.map((t) => ({
			...t,
			sizes: sizesByLevel(bank.questions.filter((q) => q.topic === t.id))
		})),
		sources: bank.sources.map(({ id, label, headline, author }) => ({
			id,
			label,
			headline,
			author
		}))
	};
};
