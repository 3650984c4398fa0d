import { json } from '@sveltejs/kit';
import { getBank } from '$lib/server/bank';
import { packageKitOf } from '$lib/server/package-kit';

export const prerender = true;

/**
 * What the builder needs to make a SCORM package in the browser: the built player and the sources'
 * texts. Fetched only when an instructor exports to SCORM.
 */
export function GET() {
	return json(packageKitOf(getBank()));
}
