import type { Pack, Question } from '../content/schema';
import { availableStorage } from '../storage/browser-storage';
import { draftFromPack, newDraft, type Draft } from './drafts';
import {
	DraftSaver,
	draftsNoticeText,
	moveLegacyDrafts,
	readDraftsQuickly,
	type ReadDrafts
} from './saved-drafts';

const now = () => new Date().toISOString();
const freshId = () => `pack-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/**
 * The instructor's packs on one page: several named drafts, one being edited, saved to the browser
 * a moment after each change, pack by pack. The editing rules are the pure functions in drafts.ts.
 */
export class Builder {
	/**
	 * Raw state: every edit replaces a draft, never mutates one, so a pack of 1,000 imported
	 * questions is not wrapped in proxies, and unchanged parts keep their identity between edits.
	 */
	drafts: Draft[] = $state.raw([]);
	activeId: string = $state('');
	/** One calm sentence when the packs cannot be saved or saved data had to be set aside. */
	notice: string | undefined = $state();
	readonly active: Draft;
	/** Saved data could not be read nor set aside: it stays untouched, and the packs live in memory. */
	readonly #keepSaved: boolean;
	readonly #saver: DraftSaver;

	/**
	 * The builder with the packs saved in `storage`. Plainly well-formed packs are read at once; zod
	 * (some 30 kB of code) is loaded only when something needs its full check: imported questions, a
	 * store of an earlier version, or a value that looks wrong.
	 */
	static async open(storage = availableStorage(), saveDelayMs = 300): Promise<Builder> {
		const read = readDraftsQuickly(storage) ?? (await import('./drafts-store')).readDrafts(storage);
		return new Builder(read, storage, saveDelayMs);
	}

	/** `read` is what was read from `storage` (`Builder.open` reads it). */
	constructor(read: ReadDrafts, storage: Storage | undefined, saveDelayMs = 300) {
		const { store, notice, legacy } = read;
		this.#keepSaved = notice === 'kept-unreadable';
		this.notice = notice && draftsNoticeText[notice];
		this.drafts = store.drafts.length ? store.drafts : [newDraft(freshId(), now())];
		this.activeId = this.drafts.some((d) => d.id === store.activeId)
			? store.activeId!
			: this.drafts[0]!.id;
		this.active = $derived(this.drafts.find((d) => d.id === this.activeId) ?? this.drafts[0]!);
		this.#saver = new DraftSaver(
			storage,
			() => ({ drafts: this.drafts, activeId: this.activeId }),
			(failed) => (this.notice = draftsNoticeText[failed]),
			saveDelayMs
		);
		if (this.#keepSaved) return;
		const moved = legacy && storage ? moveLegacyDrafts(storage, store) : undefined;
		if (moved) this.notice = draftsNoticeText[moved];
		else this.#saver.alreadySaved(store.drafts);
	}

	/** Writes any change still waiting for its moment (the page calls it when hidden or left). */
	flush(): void {
		if (!this.#keepSaved) this.#saver.flush();
	}

	/** Applies an edit to the pack being edited and saves. */
	change(edit: (d: Draft) => Draft): void {
		const before = this.active;
		const after = edit(before);
		if (after === before) return;
		this.drafts = this.drafts.map((d) => (d.id === before.id ? { ...after, updatedAt: now() } : d));
		if (!this.#keepSaved) this.#saver.changed(before.id);
	}

	/** Applies an edit to every pack and saves those it changed; returns them as they are now. */
	changeAll(edit: (d: Draft) => Draft): Draft[] {
		const changed: Draft[] = [];
		this.drafts = this.drafts.map((d) => {
			const after = edit(d);
			if (after === d) return d;
			const stamped = { ...after, updatedAt: now() };
			changed.push(stamped);
			return stamped;
		});
		if (!this.#keepSaved && changed.length) {
			for (const d of changed) this.#saver.changed(d.id);
			this.#saver.flush();
		}
		return changed;
	}

	create(): void {
		const draft = newDraft(freshId(), now());
		this.drafts = [...this.drafts, draft];
		this.activeId = draft.id;
		this.#saveNow(draft.id);
	}

	select(id: string): void {
		if (!this.drafts.some((d) => d.id === id)) return;
		this.activeId = id;
		this.#saveNow();
	}

	/** Deletes a pack; there is always at least one (an empty one if the last was deleted). */
	remove(id: string): void {
		const rest = this.drafts.filter((d) => d.id !== id);
		const fresh = rest.length ? undefined : newDraft(freshId(), now());
		this.drafts = fresh ? [fresh] : rest;
		if (this.activeId === id) this.activeId = this.drafts[0]!.id;
		if (this.#keepSaved) return;
		this.#saver.indexChanged(id);
		this.#saveNow(fresh?.id);
	}

	/**
	 * Adds an imported pack as a new draft (named `title`, by default the pack's) and makes it the one
	 * being edited; with `replace`, it takes that draft's place instead, keeping its position.
	 */
	importPack(
		pack: Pack,
		bank: ReadonlyMap<string, Question>,
		placement: { replace?: string; title?: string } = {}
	): Draft {
		const fresh = draftFromPack(pack, bank, freshId(), now());
		const draft = placement.title ? { ...fresh, title: placement.title } : fresh;
		const replaced = this.drafts.some((d) => d.id === placement.replace);
		this.drafts = replaced
			? this.drafts.map((d) => (d.id === placement.replace ? draft : d))
			: [...this.drafts, draft];
		this.activeId = draft.id;
		this.#saveNow(draft.id);
		return draft;
	}

	/** Packs came, went or switched: saved at once (a new pack's key, then the small index). */
	#saveNow(changedId?: string): void {
		if (this.#keepSaved) return;
		if (changedId !== undefined) this.#saver.changed(changedId);
		this.#saver.indexChanged();
		this.#saver.flush();
	}
}
