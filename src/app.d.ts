// See https://svelte.dev/docs/kit/types#app.d.ts: no app-wide types are needed yet.
export {};
