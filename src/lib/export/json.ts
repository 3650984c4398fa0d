import type { Pack } from '../content/schema';
import type { Exporter } from './types';

/** The pack in its native form: pretty-printed JSON that the pack schema reads back without loss. */
export function renderPackJson(pack: Pack): string {
	return `${JSON.stringify(pack, null, 2)}\n`;
}

export const json: Exporter = {
	label: 'Sourced pack (JSON)',
	extension: 'json',
	description:
		'The pack itself, with every question, feedback text and cited passage: import it back into Sourced or edit it and share it.',
	exportPack(pack, baseName) {
		return {
			files: [{ name: `${baseName}.json`, data: renderPackJson(pack), mime: 'application/json' }],
			notes: []
		};
	}
};
