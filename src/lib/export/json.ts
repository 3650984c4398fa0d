import type { Pack } from '../content/schema';
import type { Exporter } from './types';

/** The pack in its native form: pretty-printed JSON that the pack schema reads back without loss. */
export function renderPackJson(pack: Pack): string {
	return `${JSON.stringify(pack, null, 2)}\n`;
}

/** The pack itself as JSON, which Sourced imports back: nothing is converted. */
export const json: Exporter = {
	label: 'Sourced pack (JSON)',
	extension: 'json',
	mime: 'application/json',
	description:
		'The pack itself, with every question, feedback text and cited passage: import it back into Sourced or edit it and share it.',
	render: (pack) => ({ data: renderPackJson(pack), notes: [] })
};
