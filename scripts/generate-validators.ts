// Run by `npm run build` (and by hand: `npx tsx scripts/generate-validators.ts`): writes the saved
// attempt validator the browser uses from the zod schemas in src/lib/quiz/attempt-schema.ts.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import * as rules from '../src/lib/quiz/attempt-rules';
import { attemptSchema, storedAttemptsSchema } from '../src/lib/quiz/attempt-schema';
import { validatorSource } from './zod-validator';

export const ATTEMPT_VALIDATOR = 'src/lib/quiz/attempt-validator.generated.ts';

/** The source of attempt-validator.generated.ts as the schemas give it now, formatted as the repo is. */
export async function attemptValidatorSource(): Promise<string> {
	const source = validatorSource({
		specs: [
			{ name: 'parseAttempt', schema: attemptSchema, type: 'Attempt' },
			{ name: 'parseStoredAttempts', schema: storedAttemptsSchema, type: 'StoredAttempts' }
		],
		rules,
		rulesFrom: './attempt-rules',
		typesFrom: './attempt-schema',
		generatedBy: 'scripts/generate-validators.ts from attempt-schema.ts'
	});
	const config = await resolveConfig(ATTEMPT_VALIDATOR);
	return format(source, { ...config, filepath: ATTEMPT_VALIDATOR });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	writeFileSync(ATTEMPT_VALIDATOR, await attemptValidatorSource());
	console.log(`${ATTEMPT_VALIDATOR}: written from the zod schemas`);
}
