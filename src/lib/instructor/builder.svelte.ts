import type { Pack, Question } from '../content/schema';
import { availableStorage } from '../storage/browser-storage';
import { draftFromPack, newDraft, type Draft } from './drafts';
import { draftsNoticeText, readDrafts, writeDrafts } from './drafts-store';

const now = () => new Date().toISOString();
const freshId = () => `pack-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/**
 * The instructor's packs on one page: several named drafts, one being edited, saved to the browser
 * after every change. The editing rules are the pure functions in drafts.ts.
 */
export class Builder {
	drafts: Draft[] = $state([]);
	activeId: string = $state('');
	/** One calm sentence when the packs cannot be saved or saved data had to be set aside. */
	notice: string | undefined = $state();
	readonly active: Draft;
	readonly #storage: Storage | undefined;
	/** Saved data could not be read nor set aside: it stays untouched, and the packs live in memory. */
	readonly #keepSaved: boolean;

	constructor(storage = availableStorage()) {
		this.#storage = storage;
		const { store, notice } = readDrafts(storage);
		this.#keepSaved = notice === 'kept-unreadable';
		this.notice = notice && draftsNoticeText[notice];
		this.drafts = store.drafts.length ? store.drafts : [newDraft(freshId(), now())];
		this.activeId = this.drafts.some((d) => d.id === store.activeId)
			? store.activeId!
			: this.drafts[0]!.id;
		this.active = $derived(this.drafts.find((d) => d.id === this.activeId) ?? this.drafts[0]!);
	}

	/** Applies an edit to the pack being edited and saves. */
	change(edit: (d: Draft) => Draft): void {
		const before = this.active;
		const after = edit(before);
		if (after === before) return;
		this.drafts = this.drafts.map((d) => (d.id === before.id ? { ...after, updatedAt: now() } : d));
		this.#save();
	}

	create(): void {
		const draft = newDraft(freshId(), now());
		this.drafts = [...this.drafts, draft];
		this.activeId = draft.id;
		this.#save();
	}

	select(id: string): void {
		if (!this.drafts.some((d) => d.id === id)) return;
		this.activeId = id;
		this.#save();
	}

	/** Deletes a pack; there is always at least one (an empty one if the last was deleted). */
	remove(id: string): void {
		const rest = this.drafts.filter((d) => d.id !== id);
		this.drafts = rest.length ? rest : [newDraft(freshId(), now())];
		if (this.activeId === id) this.activeId = this.drafts[0]!.id;
		this.#save();
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
		this.#save();
		return draft;
	}

	#save(): void {
		if (this.#keepSaved) return;
		const notice = writeDrafts(this.#storage, {
			drafts: $state.snapshot(this.drafts) as Draft[],
			activeId: this.activeId
		});
		if (notice) this.notice = draftsNoticeText[notice];
	}
}
