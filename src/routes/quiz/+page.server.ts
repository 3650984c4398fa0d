import { bankVersion } from '$lib/content/identity';
import { questionRefs } from '$lib/quiz/question-files';
import { getBank } from '$lib/server/bank';
import type { PageServerLoad } from './$types';

/** References only: the page fetches the questions of the quiz it shows (see `QuestionLoader`). */
export const load: PageServerLoad = () => {
	const bank = getBank();
	return {
		index: questionRefs(bank.questions),
		bankVersion: bankVersion(bank.questions),
		topics: bank.topics.map(({ id, title }) => ({ id, title })),
		sourceLabels: Object.fromEntries(bank.sources.map((s) => [s.id, s.label]))
	};
};
