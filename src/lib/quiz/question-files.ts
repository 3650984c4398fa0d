import type { Question } from '../content/schema';
import type { Difficulty, QuestionKind } from '../content/vocabulary';

/**
 * What a page knows of every question before loading any: enough to draw a quiz, count a topic's
 * questions and find the file that holds a question. Listed in bank order.
 */
export interface QuestionRef {
	id: string;
	topic: string;
	difficulty: Difficulty;
	kind: QuestionKind;
}

/** The references of a bank's questions, in the bank's order. */
export function questionRefs(questions: readonly Question[]): QuestionRef[] {
	return questions.map(({ id, topic, difficulty, kind }) => ({ id, topic, difficulty, kind }));
}

/** One topic's questions as the site publishes them (`/quiz/questions/<topic>.json`) for pages to fetch. */
export interface TopicQuestionsFile {
	/** The bank's version (`bankVersion`): a page from another build must not mix its questions in. */
	bankVersion: string;
	topic: string;
	questions: Question[];
}

/** A question file that could not be fetched (offline and not cached) or belongs to another build. */
export class QuestionsUnavailable extends Error {
	constructor(
		message: string,
		/** True when the file is from another version of the site: a reload gets matching ones. */
		readonly outOfDate = false
	) {
		super(message);
		this.name = 'QuestionsUnavailable';
	}
}

/** Fetches one topic's file: the parsed JSON, or a rejection when it cannot be had. */
export type FetchTopicFile = (topic: string) => Promise<unknown>;

/** Fetches a topic's file from the address given (the site's `/quiz/questions/<topic>.json`). */
export function fetchTopicFile(url: (topic: string) => string): FetchTopicFile {
	return async (topic) => {
		const response = await fetch(url(topic));
		if (!response.ok) throw new Error(`${url(topic)}: HTTP ${response.status}`);
		return response.json();
	};
}

/**
 * Loads questions by id from the per-topic files, fetching the topics that hold them in parallel
 * and each topic once per loader (a failed fetch is tried again next time). Create one per page.
 */
export class QuestionLoader {
	readonly #topicOf: ReadonlyMap<string, string>;
	readonly #order: ReadonlyMap<string, number>;
	readonly #topics = new Map<string, Promise<Question[]>>();

	constructor(
		index: readonly QuestionRef[],
		readonly bankVersion: string,
		readonly fetchFile: FetchTopicFile
	) {
		this.#topicOf = new Map(index.map((q) => [q.id, q.topic]));
		this.#order = new Map(index.map((q, i) => [q.id, i]));
	}

	/**
	 * The questions with these ids that the index knows, in bank order (ids it does not know are
	 * skipped: the quiz reports them). Rejects with `QuestionsUnavailable` if a topic cannot be loaded.
	 */
	async load(ids: readonly string[]): Promise<Question[]> {
		const topics = [...new Set(ids.flatMap((id) => this.#topicOf.get(id) ?? []))];
		const files = await Promise.all(topics.map((topic) => this.#topic(topic)));
		const wanted = new Set(ids);
		return files
			.flat()
			.filter((q) => wanted.has(q.id))
			.sort((a, b) => this.#order.get(a.id)! - this.#order.get(b.id)!);
	}

	#topic(topic: string): Promise<Question[]> {
		let pending = this.#topics.get(topic);
		if (!pending) {
			pending = this.#fetchTopic(topic);
			pending.catch(() => this.#topics.delete(topic));
			this.#topics.set(topic, pending);
		}
		return pending;
	}

	async #fetchTopic(topic: string): Promise<Question[]> {
		let file: unknown;
		try {
			file = await this.fetchFile(topic);
		} catch {
			throw new QuestionsUnavailable(
				`The questions on “${topic}” could not be loaded: you may be offline.`
			);
		}
		const data = file as Partial<TopicQuestionsFile> | null;
		if (!data || data.topic !== topic || !Array.isArray(data.questions))
			throw new QuestionsUnavailable(`The questions on “${topic}” could not be read.`);
		if (data.bankVersion !== this.bankVersion)
			throw new QuestionsUnavailable(
				'A new version of Sourced has been published since this page was loaded: reload the page to get its questions.',
				true
			);
		return data.questions;
	}
}
