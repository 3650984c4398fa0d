import { z } from 'zod';
import type { Bank } from './load';
import { packSchema, type Pack, type PackSettings, type Question } from './schema';

export interface PackSpec {
	id: string;
	title: string;
	description?: string;
	settings?: Partial<PackSettings>;
	questions: readonly Question[];
}

/** A self-contained pack: the chosen questions plus the topics and source metadata they cite. */
export function buildPack(bank: Bank, spec: PackSpec): Pack {
	const topicIds = new Set(spec.questions.map((q) => q.topic));
	const sourceIds = new Set(spec.questions.flatMap((q) => q.citations.map((c) => c.source)));
	return {
		schemaVersion: 1,
		id: spec.id,
		title: spec.title,
		description: spec.description ?? '',
		settings: { mode: 'practice', shuffleOptions: true, shuffleQuestions: false, ...spec.settings },
		topics: bank.topics.filter((t) => topicIds.has(t.id)).map(({ id, title }) => ({ id, title })),
		sources: bank.sources
			.filter((s) => sourceIds.has(s.id))
			.map(({ file, sha256, text, ...meta }) => meta),
		questions: [...spec.questions]
	};
}

/** The whole bank as one pack, in topic order. */
export function bankPack(bank: Bank): Pack {
	const order = new Map(bank.topics.map((t) => [t.id, t.order]));
	return buildPack(bank, {
		id: 'all',
		title: 'Sourced: the Sora leak, as five outlets reported it (whole bank)',
		description: 'Every question in the bank, in topic order, with the passages each one cites.',
		questions: [...bank.questions].sort((a, b) => order.get(a.topic)! - order.get(b.topic)!)
	});
}

/** JSON Schema for pack files, generated from the zod schema so the two cannot drift apart. */
export function packJsonSchema(): Record<string, unknown> {
	return {
		...z.toJSONSchema(packSchema, { io: 'input', target: 'draft-2020-12' }),
		$id: '/schema/pack-v1.json',
		title: 'Sourced question pack, version 1'
	};
}
