/**
 * The language of a request, and running code in it. Paraglide's message functions read
 * the locale from an AsyncLocalStorage on the server; Hearth resolves it itself (an
 * account's choice, then the device's cookie, then the browser's languages) and runs the
 * request inside it. Work outside a request (jobs, mail) passes `{ locale }` to messages.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestEvent } from '@sveltejs/kit';
import { getLocale, overwriteServerAsyncLocalStorage } from '$lib/paraglide/runtime';
import { baseLocale, formattingLocale, isLocale, negotiateLocale, type Locale } from '$lib/i18n/locales';

/**
 * The language chosen on this device before logging in (or by someone with no account
 * choice): a cookie, so every link keeps it. An account's own choice wins over it.
 */
export const LOCALE_COOKIE = 'hearth_locale';

type LocaleStore = { locale?: Locale; formatLocale?: string; origin?: string; messageCalls?: Set<string> };
const storage = new AsyncLocalStorage<LocaleStore>();
overwriteServerAsyncLocalStorage(storage);

/** Runs `work` with every message in `locale` (a request, a mail, a feed); `formatLocale` for its dates and amounts. */
export function inLocale<T>(locale: Locale, work: () => T, formatLocale?: string): T {
	return storage.run({ locale, formatLocale }, work);
}

export type RequestLanguage = { locale: Locale; formatLocale: string };

/** The language of this request: the account's, else this device's choice, else the browser's, else English. */
export function requestLanguage(event: Pick<RequestEvent, 'cookies' | 'request' | 'locals'>): RequestLanguage {
	const acceptLanguage = event.request.headers.get('accept-language');
	const cookie = event.cookies.get(LOCALE_COOKIE);
	const locale = event.locals.user?.locale ?? (cookie && isLocale(cookie) ? cookie : null) ?? negotiateLocale(acceptLanguage) ?? baseLocale;
	return { locale, formatLocale: formattingLocale(locale, acceptLanguage) };
}

/** The tag this request formats dates and amounts with (and reads typed amounts by); outside a request, the current language's. */
export function requestFormatLocale(): string {
	// A job, a test or a script has no request: the current language's usual format.
	return storage.getStore()?.formatLocale ?? formattingLocale(getLocale());
}
