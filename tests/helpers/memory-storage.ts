/** An in-memory Storage that can be told to fail the way browsers do. */
export class MemoryStorage implements Storage {
	#items = new Map<string, string>();
	failWith: 'quota' | 'security' | undefined;
	/** Nearly full: a write that would take keys and values past this many characters is refused. */
	quota: number | undefined;

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
		const before = this.#items.get(key);
		const after = this.used() - (before === undefined ? 0 : key.length + before.length);
		if (this.quota !== undefined && after + key.length + String(value).length > this.quota)
			throw new DOMException('full', 'QuotaExceededError');
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
	/** Characters used by keys and values, the way browsers count towards the quota. */
	used() {
		let total = 0;
		for (const [key, value] of this.#items) total += key.length + value.length;
		return total;
	}
}
