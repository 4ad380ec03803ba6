import type { ClientInit } from '@sveltejs/kit';
import { keepTypedThroughHydration } from '$lib/forms/keep-typed';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { baseLocale, localeOfTag } from '$lib/i18n/locales';

// The browser speaks what the server rendered: the page's own <html lang>, so hydration
// never swaps a word (the server chose from the account, the cookie and the browser).
overwriteGetLocale(() => localeOfTag(document.documentElement.lang) ?? baseLocale);

/** Runs when the app starts in the browser, before the server's HTML is hydrated. */
export const init: ClientInit = () => {
	keepTypedThroughHydration();
};
