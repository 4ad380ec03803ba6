/**
 * The language of a request, and running code in it. Paraglide's message functions read
 * the locale from an AsyncLocalStorage on the server; Hearth resolves it itself (an
 * account's choice, then the device's cookie, then the browser's languages) and runs the
 * request inside it. Work outside a request (jobs, mail) passes `{ locale }` to messages.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestEvent } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { overwriteServerAsyncLocalStorage } from '$lib/paraglide/runtime';
import { baseLocale, formattingLocale, isLocale, negotiateLocale, type Locale } from '$lib/i18n/locales';
import { LOCALE_COOKIE } from './auth/cookies';

type LocaleStore = { locale?: Locale; origin?: string; messageCalls?: Set<string> };
const storage = new AsyncLocalStorage<LocaleStore>();
overwriteServerAsyncLocalStorage(storage);

/** Runs `work` with every message in `locale` (a request, a mail, a feed). */
export function inLocale<T>(locale: Locale, work: () => T): T {
	return storage.run({ locale }, work);
}

export type RequestLanguage = { locale: Locale; formatLocale: string };

/** The language of this request: the account's, else this device's choice, else the browser's, else English. */
export function requestLanguage(event: Pick<RequestEvent, 'cookies' | 'request' | 'locals'>): RequestLanguage {
	const acceptLanguage = event.request.headers.get('accept-language');
	const cookie = event.cookies.get(LOCALE_COOKIE);
	const locale = event.locals.user?.locale ?? (cookie && isLocale(cookie) ? cookie : null) ?? negotiateLocale(acceptLanguage) ?? baseLocale;
	return { locale, formatLocale: formattingLocale(locale, acceptLanguage) };
}

/** The tag this request formats dates and amounts with (and reads typed amounts by). */
export function requestFormatLocale(): string {
	return getRequestEvent().locals.formatLocale;
}
