import { error } from '@sveltejs/kit';
import { bankPack, topicPack } from '$lib/content/pack';
import { seminarGuide } from '$lib/print/seminar';
import { getBank } from '$lib/server/bank';
import type { EntryGenerator, PageServerLoad } from './$types';

/** The whole bank, each topic, and "custom" (a pack whose ids come in the link, chosen in the browser). */
export const entries: EntryGenerator = () => [
	{ pack: 'all' },
	{ pack: 'custom' },
	...getBank().topics.map((t) => ({ pack: t.id }))
];

/** The pack to print; for a topic, its seminar guide too. */
export const load: PageServerLoad = ({ params }) => {
	const bank = getBank();
	const topic = bank.topics.find((t) => t.id === params.pack);
	if (params.pack !== 'all' && params.pack !== 'custom' && !topic)
		error(404, `No pack "${params.pack}"`);
	const pack = topic ? topicPack(bank, topic) : bankPack(bank);
	const seminar = topic ? seminarGuide(topic, pack.questions) : undefined;
	return { pack, custom: params.pack === 'custom', seminar };
};
