import { error } from '@sveltejs/kit';
import { publishedPacks } from '$lib/content/pack';
import { exportFileNames, exportPack, parseExportFileName } from '$lib/export/files';
import { getBank } from '$lib/server/bank';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

/** Every published pack (the whole bank as "all", then each topic) in every export format. */
export const entries: EntryGenerator = () =>
	exportFileNames(publishedPacks(getBank()).map((p) => p.id)).map((file) => ({ file }));

export const GET: RequestHandler = ({ params }) => {
	const wanted = parseExportFileName(params.file);
	const pack = wanted && publishedPacks(getBank()).find((p) => p.id === wanted.name);
	if (!wanted || !pack) error(404, `No export "${params.file}"`);
	const { file } = exportPack(pack, wanted.name, wanted.format);
	return new Response(file.data as BodyInit, { headers: { 'content-type': file.mime } });
};
