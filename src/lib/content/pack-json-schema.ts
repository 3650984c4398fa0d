import { z } from 'zod';
import { packSchema } from './schema';

/** JSON Schema for pack files, generated from the zod schema so the two cannot drift apart. */
export function packJsonSchema(): Record<string, unknown> {
	return {
		...z.toJSONSchema(packSchema, { io: 'input', target: 'draft-2020-12' }),
		$id: '/schema/pack-v1.json',
		title: 'Sourced question pack, version 1'
	};
}
