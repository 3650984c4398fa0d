import { mixedSizes, sizesByLevel } from '$lib/quiz/timing';
import { getBank } from '$lib/server/bank';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const bank = getBank();
	return {
		copy: bank.module.pages.home,
		whole: sizesByLevel(bank.questions),
		mixed: mixedSizes(bank.questions),
		// What a topic's card shows; its seminar guide (the print page's) stays out of the page.
		topics: bank.topics.map(({ id, title, intro, objectives }) => ({
			id,
			title,
			intro,
			objectives,
			sizes: sizesByLevel(bank.questions.filter((q) => q.topic === id))
		})),
		sources: bank.sources.map(({ id, label, headline, author }) => ({
			id,
			label,
			headline,
			author
		}))
	};
};
