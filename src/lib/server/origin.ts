/**
 * The address links in mail point to (reset links, invites, anything later). Never a
 * request's Host header: anyone can send one, and a reset link on their host hands them
 * the account. `ORIGIN` in production; `npm run dev` sets HEARTH_DEV_ORIGIN to the dev
 * server's own address.
 */
import { DomainError } from './errors';
import { m } from '$lib/paraglide/messages';
import { log } from './observability/log';

export function mailOrigin(): string | null {
	const origin = process.env.ORIGIN || process.env.HEARTH_DEV_ORIGIN;
	return origin ? origin.replace(/\/+$/, '') : null;
}

export const noOriginMessage = () => m.e_no_origin();

/** The origin for a link in mail, or a 503 saying why no mail can be sent (also in the log). */
export function requireMailOrigin(): string {
	const origin = mailOrigin();
	if (origin) return origin;
	log.error('Mail with a link was not sent: set ORIGIN to the public address of this Hearth (e.g. ORIGIN=https://hearth.example.org npm start).');
	throw new DomainError(503, 'no_origin', noOriginMessage(), { form: noOriginMessage() });
}

/** A link shown to the person who asked for it (an invite to copy, a feed): ORIGIN when set, else the address they used. */
export function shownLinkOrigin(requestOrigin: string): string {
	return mailOrigin() ?? requestOrigin;
}
