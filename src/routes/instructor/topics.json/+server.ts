import { json } from '@sveltejs/kit';
import { getBank } from '$lib/server/bank';
import type { TopicHeading } from '$lib/instructor/authored-yaml';
import type { RequestHandler } from './$types';

export const prerender = true;

/**
 * Each topic as its file begins (no seminar guide), and every bank question's id and topic: what
 * "Download as YAML" needs to write an instructor's questions as a topic file with free ids. Fetched
 * only when an instructor asks for that file.
 */
export const GET: RequestHandler = () => {
	const bank = getBank();
	const topics: TopicHeading[] = bank.topics.map(({ id, order, title, intro, objectives }) => ({
		id,
		order,
		title,
		intro,
		objectives
	}));
	return json({ topics, questions: bank.questions.map(({ id, topic }) => ({ id, topic })) });
};
