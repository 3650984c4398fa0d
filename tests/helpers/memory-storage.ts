/** An in-memory Storage that can be told to fail the way browsers do. */
export class MemoryStorage implements Storage {
	#items = new Map<string, string>();
	failWith: 'quota' | 'security' | undefined;

	get length() {
		return this.#items.size;
	}
	key(index: number) {
		return [...this.#items.keys()][index] ?? null;
	}
	getItem(key: string) {
		if (this.failWith === 'security') throw new DOMException('denied', 'SecurityError');
		return this.#items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		if (this.failWith === 'quota') throw new DOMException('full', 'QuotaExceededError');
		if (this.failWith === 'security') throw new DOMException('denied', 'SecurityError');
		this.#items.set(key, String(value));
	}
	removeItem(key: string) {
		this.#items.delete(key);
	}
	clear() {
		this.#items.clear();
	}
	keys() {
		return [...this.#items.keys()];
	}
}
