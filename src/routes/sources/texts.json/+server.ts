import { json } from '@sveltejs/kit';
import { siteSources } from '$lib/content/pack';
import { getBank } from '$lib/server/bank';
import type { RequestHandler } from './$types';

export const prerender = true;

/**
 * The sources with their texts and SHA-256, which the pack builder fetches when an instructor first
 * imports a pack, to check the pack's sources and anchor its quotations (about 30 KB).
 */
export const GET: RequestHandler = () => json(siteSources(getBank()));
