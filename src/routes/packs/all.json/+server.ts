import { json } from '@sveltejs/kit';
import { bankPack } from '$lib/content/pack';
import { getBank } from '$lib/server/bank';

export const prerender = true;

/** The whole bank as one self-contained pack (schema: /schema/pack-v1.json). */
export function GET() {
	return json(bankPack(getBank()));
}
