import { strToU8, zipSync } from 'fflate';

/** The time stamp of every file in an export zip, fixed so that the same pack always gives the same bytes. */
const ZIP_TIME = new Date(2024, 10, 26);

/** A zip of text files, by their path inside the zip. */
export function zipPackage(files: Readonly<Record<string, string>>): Uint8Array {
	return zipSync(
		Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])),
		{ mtime: ZIP_TIME }
	);
}
