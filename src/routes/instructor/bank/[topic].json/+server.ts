import { error, json } from '@sveltejs/kit';
import { bankPack } from '$lib/content/pack';
import { getBank } from '$lib/server/bank';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => getBank().topics.map((t) => ({ topic: t.id }));

/**
 * One topic's questions as the whole-bank pack holds them, which the pack builder fetches once its
 * page is showing: a file per topic, so that reading each takes the phone a moment, never long
 * enough to hold up a tap (the whole bank in one file took some 100 ms on a slow phone).
 */
export const GET: RequestHandler = ({ params }) => {
	const bank = getBank();
	if (!bank.topics.some((t) => t.id === params.topic)) error(404, `No topic "${params.topic}"`);
	return json(bankPack(bank).questions.filter((q) => q.topic === params.topic));
};
