import { ESLint } from 'eslint';
import ts from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The project's own ESLint configuration, run on planted imports: the layer rule must refuse an
// import that points up the layers and allow one that points down.
// A planted file is not on disk, so the project service cannot type it: type-aware rules are off here,
// the layer rule (which needs no types) is the project's own.
const eslint = new ESLint({
	cwd: process.cwd(),
	overrideConfig: [{ files: ['**/*.ts', '**/*.svelte'], ...ts.configs.disableTypeChecked }]
});

/** The messages of the layer rule for a planted file, one per refused import line. */
async function restrictedImports(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	const refused = result!.messages.filter((m) => m.ruleId === 'no-restricted-imports');
	const byLine = new Map(refused.map((m) => [m.line, m.message]));
	return [...byLine.values()];
}

describe('the layer rule', () => {
	it('refuses content code that imports the quiz layer', async () => {
		const messages = await restrictedImports(
			'src/lib/content/planted.ts',
			"import { quizQuery } from '../quiz/link';\nexport const q = quizQuery;\n"
		);
		expect(messages).toHaveLength(1);
		expect(messages[0]).toContain('src/lib/content is below that layer');
	});

	it('refuses an exporter that imports a component or SvelteKit', async () => {
		const messages = await restrictedImports(
			'src/lib/export/planted.ts',
			"import { resolve } from '$app/paths';\nimport X from '$lib/components/quiz/QuestionForm.svelte';\nexport const x = [resolve, X];\n"
		);
		expect(messages).toHaveLength(2);
	});

	it('refuses SvelteKit in the components folder, so the quiz player runs outside the site', async () => {
		const messages = await restrictedImports(
			'src/lib/components/quiz/planted-links.ts',
			"import { resolve } from '$app/paths';\nexport const home = resolve('/');\n"
		);
		expect(messages).toEqual([expect.stringContaining('Components run outside SvelteKit')]);
	});

	it('refuses sideways imports between the instructor, export and print layers', async () => {
		const messages = await restrictedImports(
			'src/lib/print/planted.ts',
			"import { draftToPack } from '$lib/instructor/drafts';\nexport const d = draftToPack;\n"
		);
		expect(messages).toHaveLength(1);
	});

	it('allows imports that point down the layers', async () => {
		const messages = await restrictedImports(
			'src/lib/export/planted.ts',
			"import { layoutOf } from '../quiz/layout';\nimport type { Pack } from '../content/schema';\nexport const f = (p: Pack) => [p, layoutOf];\n"
		);
		expect(messages).toEqual([]);
	});
});
