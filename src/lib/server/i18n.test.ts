import ICAL from 'ical.js';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDb } from './db';
import { sendPasswordReset } from './auth/reset-mail';
import { LOCALE_COOKIE } from './i18n';
import { makeHousehold, makeMember, makeUser } from './testing/factories';
import { createChore } from './chores/chores';
import { feedIcs } from './chores/ics';
import { regenerateFeed } from './chores/feed-links';
import { todayIn } from '$lib/dates';
import { requestLanguage } from './i18n';
import type { Locale } from '$lib/i18n/locales';
import { captureLog } from './testing/log-capture';

/** The reset mail as the job writes it (no SMTP: a file), for an account of `locale` asked in `askedIn`. */
async function resetMail(locale: Locale | null, askedIn: string): Promise<string> {
	const { user } = await makeUser();
	await getDb().updateTable('users').set({ locale }).where('id', '=', user.id).execute();
	const mailDir = mkdtempSync(join(tmpdir(), 'hearth-mail-'));
	process.env.MAIL_DIR = mailDir;
	process.env.ORIGIN = 'http://hearth.test';
	const logged = captureLog();
	try {
		await sendPasswordReset(user.email, askedIn);
	} finally {
		logged.restore();
		delete process.env.MAIL_DIR;
		delete process.env.ORIGIN;
	}
	return readdirSync(mailDir)
		.map((name) => readFileSync(join(mailDir, name), 'utf8'))
		.join('\n');
}

describe('mail in the recipient’s language', () => {
	it('writes the reset mail in the account’s language, whoever asked and in whatever language', async () => {
		const german = await resetMail('de', 'ar');
		expect(german).toContain('Subject: Setze dein Hearth-Passwort zurück');
		expect(german).toMatch(/Öffne diesen Link innerhalb einer Stunde[^\n]*\n\nhttp:\/\/hearth\.test\/reset-password\/[a-z2-7]{32}/);
		const polish = await resetMail('pl', 'en');
		expect(polish).toContain('Subject: Zresetuj hasło do Hearth');
	});

	it('in the language it was asked in when the account has none, and never in one Hearth lacks', async () => {
		expect(await resetMail(null, 'ar')).toContain('Subject: أعد تعيين كلمة مرور Hearth');
		expect(await resetMail(null, 'fr')).toContain('Subject: Reset your Hearth password');
	});
});

describe('calendar feeds in the household’s language', () => {
	it('names the calendar and its events in it, whoever subscribes', async () => {
		const texts: Record<string, string[]> = {};
		for (const locale of ['de', 'es'] as const) {
			const house = await makeHousehold();
			await getDb().updateTable('households').set({ locale }).where('id', '=', house.household.id).execute();
			const bo = await makeMember(house, 'Bo');
			await createChore(house, {
				name: 'Bad',
				effort: 2,
				schedule: { kind: 'daily', interval: 1, startOn: todayIn(house.household.timezone) },
				assignment: { strategy: 'fixed', memberIds: [bo.id] }
			});
			const path = await regenerateFeed(house, 'household');
			const calendar = new ICAL.Component(ICAL.parse(await feedIcs(house.household.id, null, new URL(path, 'http://x').searchParams.get('token'))));
			const event = calendar.getAllSubcomponents('vevent')[0]!;
			texts[locale] = [String(calendar.getFirstPropertyValue('x-wr-calname')), String(event.getFirstPropertyValue('description'))];
		}
		expect(texts.de![0]).toMatch(/: Aufgaben$/);
		expect(texts.de![1]).toBe('Aufwand 2. Zugewiesen an Bo.');
		expect(texts.es![0]).toMatch(/: tareas$/);
		expect(texts.es![1]).toBe('Esfuerzo 2. Asignada a Bo.');
	});
});

describe('the language of a request', () => {
	const event = (account: Locale | null, cookie: string | undefined, acceptLanguage: string | null) => ({
		locals: { user: account === undefined ? null : ({ locale: account } as App.Locals['user']) } as App.Locals,
		cookies: { get: (name: string) => (name === LOCALE_COOKIE ? cookie : undefined) } as never,
		request: new Request('http://x/', { headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} })
	});

	it('is the account’s, then this device’s choice, then the browser’s, then English', () => {
		expect(requestLanguage(event('pl', 'de', 'es-MX'))).toEqual({ locale: 'pl', formatLocale: 'pl-PL' });
		expect(requestLanguage(event(null, 'de', 'de-CH,en'))).toEqual({ locale: 'de', formatLocale: 'de-CH' });
		expect(requestLanguage(event(null, 'xx', 'es-MX,en'))).toEqual({ locale: 'es', formatLocale: 'es-MX' });
		expect(requestLanguage(event(null, undefined, 'fr-FR'))).toEqual({ locale: 'en', formatLocale: 'en-GB' });
	});
});
