import { afterEach, describe, expect, it, vi } from 'vitest';
import { readReturn, rememberReturn } from '../../src/lib/quiz/return-link';

function stubSessionStorage() {
	const data = new Map<string, string>();
	vi.stubGlobal('sessionStorage', {
		getItem: (k: string) => data.get(k) ?? null,
		setItem: (k: string, v: string) => void data.set(k, v)
	});
}

afterEach(() => vi.unstubAllGlobals());

describe('the way back from a source to the quiz', () => {
	it("keeps a long link whole, so the instructor's own questions it carries come back", () => {
		stubSessionStorage();
		const query = `ids=comp-01,my-abc123&mode=practice&own=1.${'x'.repeat(6000)}`;
		rememberReturn(`?${query}`, 'question 2');
		expect(readReturn()).toEqual({ query, label: 'question 2' });
	});

	it('offers no way back when nothing readable was remembered', () => {
		stubSessionStorage();
		expect(readReturn()).toBeUndefined();
		sessionStorage.setItem('sourced:return', '{"query": 3}');
		expect(readReturn()).toBeUndefined();
	});
});
