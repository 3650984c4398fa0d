import { SourceText } from '../content/anchor';
import { segmentSource } from '../content/passages';
import type { Pack, PackSource } from '../content/schema';
import { htmlOfText } from './html';
import type { ConversionNote, Exporter, PackageKit } from './types';
import { element, valueElement, xmlDocument } from './xml';
import { zipPackage, type ZipText } from './zip';

// A SCORM 1.2 package: one SCO (index.html) that plays the pack with the site's own quiz player,
// reports to the LMS through the SCORM API, and opens each cited passage in a page of the package.
// Every URL inside is relative, so the LMS may serve it from any path; nothing comes from elsewhere.

const CP_NAMESPACE = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
const ADLCP_NAMESPACE = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';

/**
 * The package's policy: scripts, styles and data only from the package itself; Trusted Types as on the
 * site (Svelte's template cloning is the one policy). A <meta> policy cannot say who may frame it: the
 * LMS must.
 */
const PLAYER_CSP = [
	"default-src 'self'",
	"script-src 'self'",
	"style-src 'self'",
	"img-src 'self' data:",
	"connect-src 'self'",
	"object-src 'none'",
	"base-uri 'none'",
	"form-action 'none'",
	"require-trusted-types-for 'script'",
	'trusted-types svelte-trusted-html'
].join('; ');
/** Source pages are plain HTML: no script at all. */
const SOURCE_CSP = "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'";

/** The page a source is read on, inside the package. */
export const sourcePagePath = (sourceId: string) => `sources/${sourceId}.html`;

/** A pass mark the package can carry: a number from 0 to 100. */
export function checkPassMark(passMark: number | undefined): number | undefined {
	if (passMark === undefined) return undefined;
	if (!Number.isFinite(passMark) || passMark < 0 || passMark > 100)
		throw new RangeError(`a pass mark is a percentage from 0 to 100, not ${passMark}`);
	return passMark;
}

/** The launch page: the player's script and stylesheet, and where it mounts (with the pass mark). */
function indexHtml(pack: Pack, passMark: number | undefined): string {
	const mark = passMark === undefined ? '' : ` data-pass-mark="${passMark}"`;
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="${PLAYER_CSP}">
<meta name="referrer" content="no-referrer">
<title>${htmlOfText(pack.title)}</title>
<link rel="stylesheet" href="player.css">
<script src="player.js" defer></script>
</head>
<body>
<div id="sourced"${mark}>
<p>Loading the quiz…</p>
<noscript><p>This quiz needs JavaScript to show its questions and send your answers to your course.</p></noscript>
</div>
</body>
</html>
`;
}

const SOURCE_CSS = `body{max-width:44rem;margin:0 auto;padding:1rem}
.kicker{margin:0;color:var(--muted);font-weight:600}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dt{font-weight:600}dd{margin:0;min-width:0}
.text{font-family:Georgia,'Times New Roman',serif;font-size:1.05rem}
.text p{white-space:pre-wrap}
mark{background:var(--mark);color:inherit;border-bottom:2px solid var(--accent)}
mark:target,.anchor:target+mark{background:var(--mark-target);outline:2px solid var(--focus)}
.anchor,mark{scroll-margin-top:2rem}
`;

/**
 * A source's page: its metadata and text, with every passage the pack cites marked; the passage an
 * address names (`#p714-783`) is highlighted and scrolled to by the browser alone, with no script.
 */
function sourceHtml(
	pack: Pack,
	source: PackSource,
	text: string | undefined,
	notes: ConversionNote[]
): string {
	const passages = new Map<string, { anchor: string; start: number; end: number }>();
	const located = text === undefined ? undefined : new SourceText(text);
	for (const q of pack.questions)
		for (const c of q.citations) {
			if (c.source !== source.id || !located) continue;
			const found = located.anchor(c);
			if (found.ok) passages.set(c.anchor, { ...found.position, anchor: c.anchor });
			else
				notes.push({
					questionId: q.id,
					action: 'converted',
					note: `the passage it cites is not in the text of ${source.label} this version has, so it is shown without its place in the source`
				});
		}
	const heading = source.headline === 'unknown' ? source.label : source.headline;
	const body =
		text === undefined
			? '<p>The text of this source is not part of this package.</p>'
			: segmentSource(text, [...passages.values()])
					.map(
						(paragraph) =>
							`<p>${paragraph
								.map((s) => {
									const [first, ...more] = s.starts;
									const extra = more.map((a) => `<span class="anchor" id="${a}"></span>`).join('');
									if (!s.passages.length) return htmlOfText(s.text);
									return `${extra}<mark${first ? ` id="${first}"` : ''}>${htmlOfText(s.text)}</mark>`;
								})
								.join('')}</p>`
					)
					.join('\n');
	const original =
		source.url === 'unknown'
			? 'unknown'
			: `<a href="${htmlOfText(source.url)}" rel="noopener noreferrer external">${htmlOfText(source.url)}</a>`;
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="${SOURCE_CSP}">
<meta name="referrer" content="no-referrer">
<title>${htmlOfText(heading)} · ${htmlOfText(source.label)}</title>
<link rel="stylesheet" href="../player.css">
<link rel="stylesheet" href="source.css">
</head>
<body>
<main>
<p class="kicker">Source · ${htmlOfText(source.label)}</p>
<h1>${htmlOfText(heading)}</h1>
<dl>
<dt>Outlet</dt><dd>${htmlOfText(source.outlet)}</dd>
<dt>Author</dt><dd>${htmlOfText(source.author)}</dd>
<dt>Published</dt><dd>${htmlOfText(source.published)}. ${htmlOfText(source.dateNote)}</dd>
<dt>Original</dt><dd>${original}</dd>
</dl>
<p><mark>Highlighted</mark> text is quoted by a question of this quiz. Close this window to go back to the quiz.</p>
<section aria-label="Text of the source" class="text">
${body}
</section>
</main>
</body>
</html>
`;
}

/** The manifest: one organisation with one item, the SCO, listing every file of the package. */
function manifest(pack: Pack, files: readonly string[], passMark: number | undefined): string {
	const root = element(
		'manifest',
		{
			identifier: `sourced-${pack.id}`,
			version: '1.0',
			xmlns: CP_NAMESPACE,
			'xmlns:adlcp': ADLCP_NAMESPACE
		},
		[
			element('metadata', {}, [
				valueElement('schema', 'ADL SCORM'),
				valueElement('schemaversion', '1.2')
			]),
			element('organizations', { default: 'sourced-organization' }, [
				element('organization', { identifier: 'sourced-organization' }, [
					valueElement('title', pack.title),
					element(
						'item',
						{ identifier: 'sourced-quiz', identifierref: 'sourced-sco', isvisible: 'true' },
						[
							valueElement('title', pack.title),
							passMark !== undefined && valueElement('adlcp:masteryscore', passMark)
						]
					)
				])
			]),
			element('resources', {}, [
				element(
					'resource',
					{
						identifier: 'sourced-sco',
						type: 'webcontent',
						'adlcp:scormtype': 'sco',
						href: 'index.html'
					},
					files.map((href) => element('file', { href }))
				)
			])
		]
	);
	return xmlDocument(root);
}

/**
 * `JSON.stringify(pack)`, the same text, written a question at a time: the zip compresses the first
 * questions in its worker thread while the next are written (the text is 34 MB at 10,000 questions).
 */
export function writePackJson(pack: Pack, write: (piece: string) => void): void {
	let separator = '{';
	for (const [key, value] of Object.entries(pack)) {
		if (key === 'questions') {
			write(`${separator}"questions":[`);
			pack.questions.forEach((q, i) => write(i ? `,${JSON.stringify(q)}` : JSON.stringify(q)));
			write(']');
		} else {
			// JSON.stringify leaves out a key whose value it cannot write (undefined): so does this.
			const json = JSON.stringify(value) as string | undefined;
			if (json === undefined) continue;
			write(`${separator}${JSON.stringify(key)}:${json}`);
		}
		separator = ',';
	}
	write(separator === '{' ? '{}' : '}');
}

/**
 * Every file of a pack's SCORM package by its path in the zip, each written when the zip asks for
 * it, and what the export had to change: `notes` is complete once `files` has been read through.
 */
export function scorm12PackageFiles(
	pack: Pack,
	kit: PackageKit,
	passMark?: number
): { files: Iterable<[string, ZipText]>; notes: ConversionNote[] } {
	const mark = checkPassMark(passMark);
	const notes: ConversionNote[] = [];
	const content = [
		'index.html',
		'player.js',
		'player.css',
		'pack.json',
		'sources/source.css',
		...pack.sources.map((source) => sourcePagePath(source.id))
	];
	function* files(): Generator<[string, ZipText]> {
		yield ['imsmanifest.xml', manifest(pack, content, mark)];
		yield ['index.html', indexHtml(pack, mark)];
		yield ['player.js', kit.player.js];
		yield ['player.css', kit.player.css];
		// Compact: the player reads it, and a pack file imports back just the same.
		yield ['pack.json', (write) => writePackJson(pack, write)];
		yield ['sources/source.css', SOURCE_CSS];
		for (const source of pack.sources)
			yield [
				sourcePagePath(source.id),
				sourceHtml(pack, source, kit.sourceTexts[source.id], notes)
			];
		for (const q of pack.questions)
			if (q.kind === 'essay')
				notes.push({
					questionId: q.id,
					action: 'converted',
					note: 'written argument reported as a fill-in interaction with result "neutral", kept out of the score; the LMS sees the first 255 characters (the SCORM 1.2 limit)'
				});
	}
	return { files: files(), notes };
}

/** A SCORM 1.2 package: the pack played by Sourced's own player, reporting score and answers to the LMS. */
export const scorm12: Exporter = {
	label: 'SCORM 1.2 package',
	extension: 'scorm12.zip',
	mime: 'application/zip',
	description:
		'Moodle (SCORM package activity), Blackboard, Brightspace, Canvas and corporate LMSs: the quiz as on this site, with feedback, the sources and the passages, sending the score and each answer to the gradebook.',
	needsKit: true,
	takesPassMark: true,
	render(pack, options = {}) {
		if (!options.kit)
			throw new Error('A SCORM package needs its player and the source texts (options.kit).');
		const { files, notes } = scorm12PackageFiles(pack, options.kit, options.passMark);
		return { data: zipPackage(files), notes };
	}
};
