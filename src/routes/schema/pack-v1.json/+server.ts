import { json } from '@sveltejs/kit';
import { packJsonSchema } from '$lib/content/pack-json-schema';

export const prerender = true;

/** JSON Schema for pack files, generated from the zod pack schema. */
export function GET() {
	return json(packJsonSchema());
}
