import { describe, expect, it } from 'vitest';
import { describeNote } from '../../src/lib/export/notes';

describe('a conversion note in words', () => {
	it('says a question was left out or converted, then why', () => {
		expect(describeNote({ questionId: 'q-1', action: 'omitted', note: 'no place for it' })).toBe(
			'q-1: left out: no place for it'
		);
		expect(describeNote({ questionId: 'q-2', action: 'converted', note: 'now matching' })).toBe(
			'q-2: converted: now matching'
		);
	});
});
