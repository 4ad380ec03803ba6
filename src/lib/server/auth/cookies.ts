import { dev } from '$app/environment';
import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './sessions';

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
