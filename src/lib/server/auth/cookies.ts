import { dev } from '$app/environment';
import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './sessions';
import { LOCALE_COOKIE } from '$lib/server/i18n';

/** Secure everywhere but dev; COOKIE_SECURE=false serves a plain-http LAN install. */
function secure(): boolean {
	if (process.env.COOKIE_SECURE) return process.env.COOKIE_SECURE !== 'false';
	return !dev;
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: secure(), path: '/', expires: expiresAt });
}

export function deleteSessionCookie(cookies: Cookies): void {
	cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: secure(), path: '/', maxAge: 0 });
}

/**
 * Which household you were in, so `/` takes you back there: a cookie, because a page view
 * must not write to the database (each device remembers its own).
 */
const HOUSEHOLD_COOKIE = 'hearth_household';

export function rememberHouseholdCookie(cookies: Cookies, householdId: string): void {
	if (cookies.get(HOUSEHOLD_COOKIE) === householdId) return;
	cookies.set(HOUSEHOLD_COOKIE, householdId, { httpOnly: true, sameSite: 'lax', secure: secure(), path: '/', maxAge: 365 * 24 * 60 * 60 });
}

export function rememberedHousehold(cookies: Cookies): string | undefined {
	return cookies.get(HOUSEHOLD_COOKIE);
}

export function rememberLocaleCookie(cookies: Cookies, locale: string | null): void {
	if (locale === null) cookies.delete(LOCALE_COOKIE, { path: '/' });
	else cookies.set(LOCALE_COOKIE, locale, { httpOnly: true, sameSite: 'lax', secure: secure(), path: '/', maxAge: 365 * 24 * 60 * 60 });
}
