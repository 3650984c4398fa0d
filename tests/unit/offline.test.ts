import { describe, expect, it } from 'vitest';
import { cachedOffline } from '../../src/lib/offline';

describe('cachedOffline', () => {
	it("caches the learner's pages, their data and the app's code", () => {
		for (const path of ['/', '/quiz', '/quiz/__data.json', '/sources/x', '/_app/immutable/a.js'])
			expect(cachedOffline(path), path).toBe(true);
	});

	it('leaves out export files and print views, which instructors use online', () => {
		expect(cachedOffline('/packs/all.json')).toBe(false);
		expect(cachedOffline('/print/all')).toBe(false);
	});

	it('never caches /_headers, which only the host reads', () => {
		expect(cachedOffline('/_headers')).toBe(false);
	});
});
