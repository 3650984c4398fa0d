import { questionKinds, type QuestionKind } from '../content/vocabulary';

// The editor page's address says what to open (`/instructor/write?…`): the bank browser links to it
// with `editorQuery`, and the page reads it with `editorRequest`.

/** What the editor is asked to open. */
export type EditorRequest =
	| { open: 'saved'; id: string }
	| { open: 'copy'; from: string }
	| { open: 'new'; kind: QuestionKind; topic?: string }
	/** Nothing, or something the editor cannot open (`problem` says what, in plain words). */
	| { open: 'choose'; problem?: string };

/** The query string of the editor's address for a request: `id=my-…`, `from=comp-01` or `kind=single`. */
export function editorQuery(request: Exclude<EditorRequest, { open: 'choose' }>): string {
	const params = new URLSearchParams();
	if (request.open === 'saved') params.set('id', request.id);
	else if (request.open === 'copy') params.set('from', request.from);
	else {
		params.set('kind', request.kind);
		if (request.topic) params.set('topic', request.topic);
	}
	return params.toString();
}

/** Reads the editor's address: a saved question (`id`) first, then a copy (`from`), then a new one (`kind`). */
export function editorRequest(params: URLSearchParams): EditorRequest {
	const id = params.get('id');
	if (id) return { open: 'saved', id };
	const from = params.get('from');
	if (from) return { open: 'copy', from };
	const kind = params.get('kind');
	if (kind === null) return { open: 'choose' };
	if (!isQuestionKind(kind))
		return { open: 'choose', problem: `There is no kind of question called “${kind}”.` };
	const topic = params.get('topic') ?? undefined;
	return { open: 'new', kind, ...(topic ? { topic } : {}) };
}

const isQuestionKind = (value: string): value is QuestionKind =>
	(questionKinds as readonly string[]).includes(value);
