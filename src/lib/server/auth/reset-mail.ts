import { pathTo } from '$lib/paths';
import { getDb } from '$lib/server/db';
import { sendMail } from '$lib/server/mail';
import { requireMailOrigin } from '$lib/server/origin';
import { generateToken, hashToken } from './tokens';
import { m } from '$lib/paraglide/messages';
import { baseLocale, isLocale, type Locale } from '$lib/i18n/locales';

const RESET_LIFETIME_MS = 60 * 60 * 1000;

/**
 * The job behind a reset request: a link to the account's address, if there is an account,
 * in the account's language (else the language the reset was asked in).
 */
export async function sendPasswordReset(email: string, askedIn?: string): Promise<void> {
	const db = getDb();
	const origin = requireMailOrigin();
	const user = await db.selectFrom('users').select(['id', 'displayName', 'locale']).where('email', '=', email).executeTakeFirst();
	if (!user) return;
	const token = generateToken();
	await db
		.insertInto('passwordResets')
		.values({ tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(Date.now() + RESET_LIFETIME_MS) })
		.execute();
	const locale: Locale = user.locale ?? (askedIn && isLocale(askedIn) ? askedIn : baseLocale);
	await sendMail({
		to: email,
		subject: m.mail_reset_subject({}, { locale }),
		text: m.mail_reset_body({ name: user.displayName, link: `${origin}${pathTo('/reset-password/[token]', { token })}` }, { locale })
	});
}
