import { pathTo } from '$lib/paths';
import { getDb } from '$lib/server/db';
import { sendMail } from '$lib/server/mail';
import { requireMailOrigin } from '$lib/server/origin';
import { generateToken, hashToken } from './tokens';

const RESET_LIFETIME_MS = 60 * 60 * 1000;

/** The job behind a reset request: a link to the account's address, if there is an account. */
export async function sendPasswordReset(email: string): Promise<void> {
	const db = getDb();
	const origin = requireMailOrigin();
	const user = await db.selectFrom('users').select(['id', 'displayName']).where('email', '=', email).executeTakeFirst();
	if (!user) return;
	const token = generateToken();
	await db
		.insertInto('passwordResets')
		.values({ tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(Date.now() + RESET_LIFETIME_MS) })
		.execute();
	await sendMail({
		to: email,
		subject: 'Reset your Hearth password',
		text: `Hello ${user.displayName},\n\nSomeone (hopefully you) asked to reset your Hearth password. Open this link within an hour to choose a new one:\n\n${origin}${pathTo('/reset-password/[token]', { token })}\n\nIf it was not you, ignore this message; your password stays as it is.\n`
	});
}
