import { bankVersion } from '$lib/content/identity';
import { questionRefs } from '$lib/quiz/question-files';
import { getBank } from '$lib/server/bank';
import type { PageServerLoad } from './$types';

/** References only: the page fetches the questions of the topics a student's history holds. */
export const load: PageServerLoad = () => {
	const bank = getBank();
	return {
		index: questionRefs(bank.questions),
		bankVersion: bankVersion(bank.questions),
		topics: bank.topics.map(({ id, title }) => ({ id, title }))
	};
};
