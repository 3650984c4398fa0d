/** Offers a file to the user as a download, from text or bytes made in the page. */
export function downloadFile(name: string, data: string | Uint8Array, mime: string): void {
	const blob = new Blob([data as BlobPart], {
		type: typeof data === 'string' ? `${mime};charset=utf-8` : mime
	});
	const url = URL.createObjectURL(blob);
	const link = Object.assign(document.createElement('a'), { href: url, download: name });
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
