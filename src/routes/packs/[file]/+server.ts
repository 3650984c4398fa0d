import { error } from '@sveltejs/kit';
import { publishedPacks } from '$lib/content/pack';
import { exporters } from '$lib/export';
import { exportFileNames, exportPack, parseExportFileName } from '$lib/export/files';
import { getBank } from '$lib/server/bank';
import { packageKitOf } from '$lib/server/package-kit';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

/** Every published pack (the whole bank as "all", then each topic) in every export format. */
export const entries: EntryGenerator = () =>
	exportFileNames(publishedPacks(getBank()).map((p) => p.id)).map((file) => ({ file }));

/** A published pack in one format; a SCORM package has no pass mark (the LMS reports completion and the score). */
export const GET: RequestHandler = ({ params }) => {
	const wanted = parseExportFileName(params.file);
	const bank = getBank();
	const pack = wanted && publishedPacks(bank).find((p) => p.id === wanted.name);
	if (!wanted || !pack) error(404, `No export "${params.file}"`);
	const kit = exporters[wanted.format].needsKit ? packageKitOf(bank) : undefined;
	const { file } = exportPack(pack, wanted.name, wanted.format, { kit });
	return new Response(file.data as BodyInit, { headers: { 'content-type': file.mime } });
};
