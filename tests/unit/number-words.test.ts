import { describe, expect, it } from 'vitest';
import { numberWord } from '../../src/lib/content/number-words';

describe('a count in running text', () => {
	it('is spelled out up to twenty and written in digits beyond', () => {
		expect([1, 5, 16, 20].map(numberWord)).toEqual(['one', 'five', 'sixteen', 'twenty']);
		expect(numberWord(21)).toBe('21');
		expect(numberWord(1500)).toBe('1,500');
	});
});
