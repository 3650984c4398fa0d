// The entry point of the player inside a SCORM package: reads the pack beside it and plays it.
import '../app.css';
import { mount } from 'svelte';
import type { Pack } from '$lib/content/schema';
import { parsePassMark } from '$lib/scorm/cmi';
import ScormApp from './ScormApp.svelte';
import { Launch } from './launch.svelte';

async function start(root: HTMLElement) {
	try {
		const response = await fetch('pack.json');
		if (!response.ok) throw new Error(`pack.json: HTTP ${response.status}`);
		const pack = (await response.json()) as Pack;
		root.replaceChildren();
		const launch = new Launch(pack, parsePassMark(root.dataset.passMark), window);
		mount(ScormApp, { target: root, props: { launch } });
	} catch (error) {
		const message = document.createElement('p');
		message.className = 'notice';
		message.textContent = `This quiz could not load its questions (${(error as Error).message}). It must be opened from a web server or an LMS, not as a file.`;
		root.replaceChildren(message);
	}
}

const root = document.getElementById('sourced');
if (root) void start(root);
