import type { Bank, Pack, PackSettings, PackSource, Question, Topic } from './schema';

/** One of the site's sources as an imported pack is checked against it: metadata, SHA-256 and text. */
export type SiteSource = PackSource & { sha256: string; text: string };

/** The bank's sources with their texts, for checking a pack (no file names). */
export function siteSources(bank: Bank): SiteSource[] {
	return bank.sources.map(({ file, ...source }) => source);
}

/** Where a pack's topic titles and source metadata come from: the bank, or another pack. */
export interface PackCatalog {
	topics: readonly Pick<Topic, 'id' | 'title'>[];
	sources: readonly PackSource[];
}

export interface PackSpec {
	id: string;
	title: string;
	description?: string;
	settings?: Partial<PackSettings>;
	questions: readonly Question[];
}

/** A self-contained pack: the chosen questions plus the topics and source metadata they cite. */
export function buildPack(catalog: PackCatalog, spec: PackSpec): Pack {
	const topicIds = new Set(spec.questions.map((q) => q.topic));
	const sourceIds = new Set(spec.questions.flatMap((q) => q.citations.map((c) => c.source)));
	return {
		schemaVersion: 1,
		id: spec.id,
		title: spec.title,
		description: spec.description ?? '',
		settings: { mode: 'practice', shuffleOptions: true, shuffleQuestions: false, ...spec.settings },
		topics: catalog.topics
			.filter((t) => topicIds.has(t.id))
			.map(({ id, title }) => ({ id, title })),
		sources: catalog.sources.filter((s) => sourceIds.has(s.id)),
		questions: [...spec.questions]
	};
}

/** The bank's topics and the public metadata of its sources with their hashes (no file names or texts). */
export function bankCatalog(bank: Bank): PackCatalog {
	return {
		topics: bank.topics,
		sources: bank.sources.map(({ file, text, ...meta }) => meta)
	};
}

/** The whole bank as one pack, in topic order. */
export function bankPack(bank: Bank): Pack {
	const order = new Map(bank.topics.map((t) => [t.id, t.order]));
	return buildPack(bankCatalog(bank), {
		id: 'all',
		title: `Sourced: ${bank.module.title} (whole bank)`,
		description: 'Every question in the bank, in topic order, with the passages each one cites.',
		questions: [...bank.questions].sort((a, b) => order.get(a.topic)! - order.get(b.topic)!)
	});
}

/** One topic's questions as a pack. */
export function topicPack(bank: Bank, topic: Topic): Pack {
	return buildPack(bankCatalog(bank), {
		id: topic.id,
		title: `Sourced: ${topic.title}`,
		description: topic.intro,
		questions: bank.questions.filter((q) => q.topic === topic.id)
	});
}

/** The packs the site publishes: the whole bank, then one per topic. */
export function publishedPacks(bank: Bank): Pack[] {
	return [bankPack(bank), ...bank.topics.map((t) => topicPack(bank, t))];
}
