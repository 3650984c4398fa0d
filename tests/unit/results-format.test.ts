import { describe, expect, it } from 'vitest';
import { durationText, indexText, scoreText, shareText } from '../../src/lib/results/format';

describe('the numbers on the class results page', () => {
	it('gives times taken in seconds, minutes or hours and minutes', () => {
		expect([45, 720, 3900, 7200].map(durationText)).toEqual(['45 s', '12 min', '1 h 5 min', '2 h']);
	});

	it('gives discrimination with two decimals and a real minus sign', () => {
		expect([0.456, -0.2, 0].map(indexText)).toEqual(['0.46', '−0.20', '0.00']);
	});

	it('gives scores without trailing zeros and shares as whole percentages', () => {
		expect([3, 2.666, 2.5].map(scoreText)).toEqual(['3', '2.67', '2.5']);
		expect(shareText(2 / 3)).toBe('67%');
	});
});
