import type { Question } from '$lib/content/schema';
import { reportFailedLoad } from './lazy-import';

/**
 * The bank's questions, kept out of the instructor pages' HTML (they are most of a page's weight):
 * the prerendered file of each topic (`/instructor/bank/<topic>.json`, by URL), fetched together,
 * so that each is read (parsed) in a short task of its own. Undefined if any file could not be
 * fetched; the page is then told, and offers a reload.
 */
export async function fetchBankQuestions(
	topicFiles: readonly string[]
): Promise<Question[] | undefined> {
	try {
		const topics = await Promise.all(
			topicFiles.map(async (url) => {
				const response = await fetch(url);
				if (!response.ok) throw new Error(`HTTP ${response.status}`);
				return (await response.json()) as Question[];
			})
		);
		return topics.flat();
	} catch {
		reportFailedLoad();
		return undefined;
	}
}
