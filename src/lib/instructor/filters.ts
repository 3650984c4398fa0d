import type { Question } from '../content/schema';
import { unhandledKind } from '../content/vocabulary';
import { seededRandom, shuffled } from '../quiz/random';

/** The bank browser's filters; an empty string means "any". */
export interface BankFilter {
	topic: string;
	kind: string;
	difficulty: string;
	/** Cognitive level: recall, understand, apply, analyse or evaluate. */
	level: string;
	source: string;
	tag: string;
	text: string;
}

export const anyFilter: BankFilter = {
	topic: '',
	kind: '',
	difficulty: '',
	level: '',
	source: '',
	tag: '',
	text: ''
};

/** Everything a free-text search looks at: prompt, options or items, feedback and explanation. */
export function searchableText(q: Question): string {
	const parts = [q.id, q.prompt, q.explanation];
	switch (q.kind) {
		case 'single':
		case 'multiple':
			for (const o of q.options) parts.push(o.text, o.feedback);
			break;
		case 'true-false':
			parts.push(q.feedback.ifTrue, q.feedback.ifFalse);
			break;
		case 'ordering':
			for (const i of q.items) parts.push(i.text);
			break;
		case 'matching':
			for (const p of q.pairs) parts.push(p.left, p.right);
			break;
		case 'essay':
			parts.push(q.guidance, q.modelAnswer, ...q.rubric.map((c) => c.criterion));
			break;
		default:
			unhandledKind(q);
	}
	return parts.join('\n').toLocaleLowerCase('en');
}

/** Whether a question passes every filter that is set. Free text matches all of its words, in any order. */
export function matchesFilter(q: Question, f: BankFilter): boolean {
	if (f.topic && q.topic !== f.topic) return false;
	if (f.kind && q.kind !== f.kind) return false;
	if (f.difficulty && q.difficulty !== f.difficulty) return false;
	if (f.level && q.level !== f.level) return false;
	if (f.source && !q.citations.some((c) => c.source === f.source)) return false;
	if (f.tag && !q.tags.includes(f.tag)) return false;
	const words = f.text.toLocaleLowerCase('en').split(/\s+/).filter(Boolean);
	if (words.length) {
		const text = searchableText(q);
		return words.every((w) => text.includes(w));
	}
	return true;
}

/** N questions drawn at random from a list; the same seed draws the same ones. */
export function randomPick(
	questions: readonly Question[],
	count: number,
	seed: string
): Question[] {
	return shuffled(questions, seededRandom(`${seed}:pick`)).slice(0, Math.max(0, count));
}
