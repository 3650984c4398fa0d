/** A share from 0 to 1 as a whole percentage: "67%". */
export const shareText = (share: number): string => `${Math.round(share * 100)}%`;

/** A percentage from 0 to 100, rounded: "67%". */
export const percentText = (percent: number): string => `${Math.round(percent)}%`;

/** A score with at most two decimals: "3", "2.67". */
export const scoreText = (score: number): string =>
	Number.isInteger(score) ? String(score) : score.toFixed(2).replace(/0$/, '');

/** A signed index with two decimals and a real minus sign: "0.45", "−0.20". */
export const indexText = (value: number): string =>
	`${value < 0 ? '−' : ''}${Math.abs(value).toFixed(2)}`;

/** A time taken in words: "45 s", "12 min", "1 h 5 min". */
export function durationText(seconds: number): string {
	if (seconds < 60) return `${Math.round(seconds)} s`;
	const minutes = Math.round(seconds / 60);
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.floor(minutes / 60);
	return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}
