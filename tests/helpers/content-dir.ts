import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A topic file with one valid question of each kind, citing the real sources. */
export const TOPIC_YAML = `topic:
  id: fixture
  order: 1
  title: Fixture topic
  intro: A topic used only by tests.
  objectives:
    - id: fix-o1
      text: Check the loader.
    - id: fix-o2
      text: Check it again.
questions:
  - id: fix-01
    kind: single
    difficulty: intro
    objective: fix-o1
    prompt: What does the group call the testers' work?
    explanation: The statement quoted by ReadWrite calls it unpaid labour.
    citations:
      - source: readwrite-2024-11
        exact: OpenAI had provided free early access to Sora for hundreds of artists
      - source: readwrite-2024-11
        exact: “Hundreds of artists provide unpaid labor through bug testing
    options:
      - id: unpaid
        text: Unpaid labour
        correct: true
        feedback: Yes.
      - id: paid
        text: Paid work
        feedback: No pay is mentioned.
  - id: fix-02
    kind: true-false
    difficulty: core
    objective: fix-o2
    prompt: "True or false: the mid-article copy repeats a paragraph."
    explanation: The copy prints four paragraphs twice, one after the other.
    answer: true
    feedback:
      ifTrue: Yes, four paragraphs appear twice.
      ifFalse: Look again at the paragraphs.
    citations:
      - source: unattributed-mid-article
        exact: The activists clarified they are not opposed to AI
        prefix: "public.\\n"
`;

/** The fixture topic with a seminar guide: three discussion questions and three readings. */
export const SEMINAR_TOPIC_YAML = TOPIC_YAML.replace(
	'questions:\n',
	`  seminar:
    discussion:
      - Was the access a fair exchange?
      - Who says the work was unpaid?
      - Is it still work?
    readings:
      - source: readwrite-2024-11
        exact: OpenAI had provided free early access to Sora for hundreds of artists
        note: The offer.
      - source: readwrite-2024-11
        exact: “Hundreds of artists provide unpaid labor through bug testing
        note: The charge.
      - source: unattributed-mid-article
        exact: The activists clarified they are not opposed to AI
        prefix: "public.\\n"
        note: The repeat.
questions:
`
);

export const GLOSSARY_YAML = `terms:
  - id: watermark
    term: Watermark
    definition: A visible mark that shows where a video came from.
    citations:
      - source: readwrite-2024-11
        exact: many displaying OpenAI’s recognizable visual watermark.
`;

export const COMPARE_YAML = `discrepancies:
  - id: d16
    title: How wide was the pause?
    question: Whose access did OpenAI pause?
    summary: One outlet says all user access, another all test access.
    accounts:
      - source: readwrite-2024-11
        quotes:
          - exact: halted all user access
      - source: ars-technica-2024-11-27
        quotes:
          - exact: pausing all test access
`;

/** A module.yaml with short copy that lists the given topic files. */
export function moduleYaml(topicFiles: readonly string[]): string {
	return `title: the fixture case
shortTitle: the fixture
about: Sourced teaches from a fixture.
pages:
  home:
    description: A module used only by tests.
    lede: What the fixture module is about.
  sources:
    description: The fixture's sources.
    intro: The sources as received.
  glossary:
    description: The fixture's terms.
  compare:
    description: Where the fixture's sources disagree.
topics:
${topicFiles.map((f) => `  - ${f}\n`).join('')}`;
}

const NOT_TOPICS = new Set(['module.yaml', 'glossary.yaml', 'compare.yaml']);

/**
 * Writes a content folder in a temp dir: the real sources plus the given files (defaults above; null
 * leaves a default out), and a module.yaml listing every topic file unless one is given.
 */
export function makeContentDir(files: Record<string, string | null> = {}): string {
	const root = mkdtempSync(join(tmpdir(), 'sourced-content-'));
	cpSync('questions/sources', join(root, 'sources'), { recursive: true });
	const given = {
		'fixture.yaml': TOPIC_YAML,
		'glossary.yaml': GLOSSARY_YAML,
		'compare.yaml': COMPARE_YAML,
		...files
	};
	const topicFiles = Object.entries(given)
		.filter(([f, text]) => text !== null && f.endsWith('.yaml') && !f.includes('/'))
		.map(([f]) => f)
		.filter((f) => !NOT_TOPICS.has(f));
	const all = { 'module.yaml': moduleYaml(topicFiles), ...given };
	for (const [name, text] of Object.entries(all))
		if (text !== null) writeFileSync(join(root, name), text);
	return root;
}

/** 1-based line of the first line of `text` containing `needle`. */
export function lineContaining(text: string, needle: string): number {
	const index = text.split('\n').findIndex((line) => line.includes(needle));
	if (index === -1) throw new Error(`"${needle}" not in text`);
	return index + 1;
}
