import { json } from '@sveltejs/kit';
import { bankPack } from '$lib/content/pack';
import { getBank } from '$lib/server/bank';
import type { RequestHandler } from './$types';

export const prerender = true;

/**
 * The whole bank as a pack, which the pack builder fetches once its page is showing: most of the
 * page's weight, kept out of its HTML so the page appears and answers at once (cached offline).
 */
export const GET: RequestHandler = () => json(bankPack(getBank()));
