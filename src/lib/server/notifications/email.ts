/**
 * A notification email: the household's name in the subject, a text part and an HTML
 * part saying the same, in the recipient's language, with a link to the page and a signed
 * one-click unsubscribe link (List-Unsubscribe + List-Unsubscribe-Post, RFC 8058). Links
 * come from ORIGIN only. Nothing but what the recipient may see in the app: no tokens.
 */
import type { Mail } from '$lib/server/mail';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/i18n/locales';
import { pathTo } from '$lib/paths';
import { unsubscribeLink, type UnsubscribeTarget } from './unsubscribe';

export interface EmailItem {
	title: string;
	/** The page, on this server; null for a reader without a login (nothing to open). */
	path: string | null;
}

export interface EmailTo {
	address: string;
	householdId: string;
	householdName: string;
	memberId: string;
	hasLogin: boolean;
	locale: Locale;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One email for one notification (`scope`: its group) or a digest (`scope`: all, whose link stops every email). */
export async function notificationEmail(
	origin: string,
	to: EmailTo,
	items: [EmailItem, ...EmailItem[]],
	target: UnsubscribeTarget,
	messageId: string
): Promise<Mail> {
	const locale = { locale: to.locale };
	const unsubscribe = await unsubscribeLink(origin, target);
	const settings = to.hasLogin ? `${origin}${pathTo('/h/[hid]/notifications/settings', { hid: to.householdId })}` : null;
	const digest = target.scope === 'all';
	const subject = digest ? m.n_mail_digest_subject({ house: to.householdName, count: items.length }, locale) : `[${to.householdName}] ${items[0].title}`;
	const link = (item: EmailItem) => (item.path ? `${origin}${item.path}` : null);
	const why = m.n_mail_why({ house: to.householdName }, locale);
	const stop = digest ? m.n_mail_stop_all({}, locale) : m.n_mail_stop({}, locale);
	const text = [
		...(digest ? [m.n_mail_digest_intro({ house: to.householdName }, locale), ''] : []),
		...items.flatMap((item) => [digest ? `• ${item.title}` : item.title, ...(link(item) ? [`  ${link(item)}`] : []), '']),
		'—',
		why,
		...(settings ? [`${m.n_mail_settings({}, locale)}: ${settings}`] : []),
		`${stop}: ${unsubscribe}`,
		''
	].join('\n');
	const itemHtml = (item: EmailItem) => {
		const url = link(item);
		return url ? `<a href="${escapeHtml(url)}">${escapeHtml(item.title)}</a>` : escapeHtml(item.title);
	};
	const html = [
		`<!doctype html><html lang="${to.locale}"><body style="font-family:sans-serif;line-height:1.5">`,
		digest
			? `<p>${escapeHtml(m.n_mail_digest_intro({ house: to.householdName }, locale))}</p><ul>${items.map((i) => `<li>${itemHtml(i)}</li>`).join('')}</ul>`
			: `<p>${itemHtml(items[0])}</p>`,
		`<hr><p style="font-size:90%;color:#555">${escapeHtml(why)}`,
		settings ? `<br><a href="${escapeHtml(settings)}">${escapeHtml(m.n_mail_settings({}, locale))}</a>` : '',
		`<br><a href="${escapeHtml(unsubscribe)}">${escapeHtml(stop)}</a></p></body></html>`
	].join('');
	return {
		to: to.address,
		subject,
		text,
		html,
		messageId,
		headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'Auto-Submitted': 'auto-generated' }
	};
}
