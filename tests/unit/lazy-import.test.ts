import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	FAILED_LOAD_EVENT,
	importLazily,
	isFailedModuleLoad
} from '../../src/lib/browser/lazy-import';

const URL = 'https://sourced.example/_app/immutable/chunks/BzKSKQbU.js';

describe('isFailedModuleLoad', () => {
	it("recognises each browser's words for a module it could not fetch", () => {
		for (const message of [
			`Failed to fetch dynamically imported module: ${URL}`,
			`error loading dynamically imported module: ${URL}`,
			'Importing a module script failed.',
			`Unable to preload CSS for ${URL}`
		])
			expect(isFailedModuleLoad(new TypeError(message)), message).toBe(true);
	});

	it('leaves alone errors thrown by code that did load, and values that are not errors', () => {
		expect(
			isFailedModuleLoad(new TypeError("Cannot read properties of undefined (reading 'id')"))
		).toBe(false);
		expect(isFailedModuleLoad(new Error(`Pack failed to load: ${URL}`))).toBe(false);
		expect(isFailedModuleLoad(`Failed to fetch dynamically imported module: ${URL}`)).toBe(false);
		expect(isFailedModuleLoad(undefined)).toBe(false);
	});
});

describe('importLazily', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
	});

	/** A window that counts the failed-load reports it hears. */
	function stubWindow() {
		const window = new EventTarget();
		const heard = vi.fn();
		window.addEventListener(FAILED_LOAD_EVENT, heard);
		vi.stubGlobal('window', window);
		return heard;
	}

	it('gives the module when it loads, and reports nothing', async () => {
		const heard = stubWindow();
		await expect(importLazily(async () => ({ answer: 42 }))).resolves.toEqual({ answer: 42 });
		expect(heard).not.toHaveBeenCalled();
	});

	it('reports code that could not be fetched and gives undefined instead of throwing', async () => {
		const heard = stubWindow();
		const load = () =>
			Promise.reject(new TypeError(`Failed to fetch dynamically imported module: ${URL}`));
		await expect(importLazily(load)).resolves.toBeUndefined();
		expect(heard).toHaveBeenCalledTimes(1);
	});

	it('throws any other error unchanged, without a report', async () => {
		const heard = stubWindow();
		const bug = new RangeError('bad index');
		await expect(importLazily(() => Promise.reject(bug))).rejects.toBe(bug);
		expect(heard).not.toHaveBeenCalled();
	});
});
