import type { ClientInit } from '@sveltejs/kit';
import { keepTypedThroughHydration } from '$lib/forms/keep-typed';

/** Runs when the app starts in the browser, before the server's HTML is hydrated. */
export const init: ClientInit = () => {
	keepTypedThroughHydration();
};
