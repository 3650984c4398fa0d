import type { BuiltHtml } from '../quiz/reader-html';

/** The part of the Trusted Types API used here (not yet in TypeScript's DOM types). */
interface TrustedTypesFactory {
	createPolicy(name: string, rules: { createHTML: (html: string) => string }): HtmlPolicy;
}
interface HtmlPolicy {
	createHTML(html: string): unknown;
}

/**
 * The site's own Trusted Types policy, named in svelte.config.js's CSP beside Svelte's and
 * SvelteKit's. It lets through markup only as `BuiltHtml`, the type of the escaping builders in
 * src/lib/quiz/reader-html.ts; a plain string still cannot reach innerHTML. Undefined where the
 * browser has no Trusted Types (and while prerendering).
 */
const policy = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes?.createPolicy(
	'sourced-built-html',
	{ createHTML: (html) => html }
);

/** Built markup as `{@html}` takes it under the site's Trusted Types policy. */
export function trustedHtml(html: BuiltHtml): BuiltHtml {
	return (policy?.createHTML(html) as BuiltHtml | undefined) ?? html;
}
