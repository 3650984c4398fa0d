import { error, json } from '@sveltejs/kit';
import { bankVersion } from '$lib/content/identity';
import type { TopicQuestionsFile } from '$lib/quiz/question-files';
import { getBank } from '$lib/server/bank';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

/** One file per topic: the quiz page fetches the topics its quiz draws on, never the whole bank. */
export const entries: EntryGenerator = () => getBank().topics.map(({ id }) => ({ topic: id }));

/** A topic's questions, stamped with the bank's version so a page from another build refuses them. */
export const GET: RequestHandler = ({ params }) => {
	const bank = getBank();
	if (!bank.topics.some((t) => t.id === params.topic)) error(404, `No topic "${params.topic}"`);
	const file: TopicQuestionsFile = {
		bankVersion: bankVersion(bank.questions),
		topic: params.topic,
		questions: bank.questions.filter((q) => q.topic === params.topic)
	};
	return json(file);
};
