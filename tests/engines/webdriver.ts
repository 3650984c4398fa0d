// A small W3C WebDriver client: just the commands the cross-engine journeys use, over fetch.

/** The key W3C WebDriver gives a DOM element in JSON. */
const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

export type ElementRef = { [ELEMENT_KEY]: string };

export class WebDriverSession {
	private constructor(
		private readonly base: string,
		readonly id: string,
		readonly capabilities: Record<string, unknown>
	) {}

	static async start(driverUrl: string, capabilities: object): Promise<WebDriverSession> {
		const value = await send<{ sessionId: string; capabilities: Record<string, unknown> }>(
			'POST',
			`${driverUrl}/session`,
			{ capabilities: { alwaysMatch: capabilities } }
		);
		return new WebDriverSession(driverUrl, value.sessionId, value.capabilities);
	}

	command<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: object): Promise<T> {
		return send<T>(method, `${this.base}/session/${this.id}${path}`, body);
	}

	navigate(url: string) {
		return this.command('POST', '/url', { url });
	}
	refresh() {
		return this.command('POST', '/refresh', {});
	}
	setWindowRect(width: number, height: number) {
		return this.command('POST', '/window/rect', { width, height });
	}
	/** Commands go to the page (null) or to one of its frames from now on. */
	switchToFrame(frame: number | ElementRef | null) {
		return this.command('POST', '/frame', { id: frame });
	}
	execute<T>(script: string, args: unknown[] = []) {
		return this.command<T>('POST', '/execute/sync', { script, args });
	}
	executeAsync<T>(script: string, args: unknown[] = []) {
		return this.command<T>('POST', '/execute/async', { script, args });
	}
	click(element: ElementRef) {
		return this.command('POST', `/element/${element[ELEMENT_KEY]}/click`, {});
	}
	sendKeys(element: ElementRef, text: string) {
		return this.command('POST', `/element/${element[ELEMENT_KEY]}/value`, { text });
	}
	clear(element: ElementRef) {
		return this.command('POST', `/element/${element[ELEMENT_KEY]}/clear`, {});
	}
	setTimeouts(timeouts: { script?: number; pageLoad?: number; implicit?: number }) {
		return this.command('POST', '/timeouts', timeouts);
	}
	quit() {
		return this.command('DELETE', '');
	}
}

export function isElementRef(value: unknown): value is ElementRef {
	return typeof value === 'object' && value !== null && ELEMENT_KEY in value;
}

async function send<T>(method: string, url: string, body?: object): Promise<T> {
	const response = await fetch(url, {
		method,
		headers: body ? { 'content-type': 'application/json; charset=utf-8' } : {},
		body: body && JSON.stringify(body)
	});
	const json = (await response.json()) as { value: T & { error?: string; message?: string } };
	if (!response.ok)
		throw new Error(
			`WebDriver ${method} ${new URL(url).pathname}: ${json.value.error}: ${json.value.message}`
		);
	return json.value;
}
