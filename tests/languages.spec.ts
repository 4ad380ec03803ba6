/**
 * Every member in their own language: the three journeys (split a bill, vote, the chore
 * calendar) in German and in Arabic on a phone (390 × 844). The account's language is chosen
 * in its settings; the pages then speak it, format money and dates its way, start the week
 * on its first day and, in Arabic, run right to left (the tab bar mirrored), with no sideways
 * scrolling and no axe violations.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { addMemberByForm, createHousehold, hydrated, signUp } from './helpers';

const LANGUAGES = [
	{
		locale: 'de',
		name: 'Deutsch',
		intl: 'de-DE',
		dir: 'ltr',
		amountTyped: '90',
		text: {
			account: 'Dein Konto',
			addExpense: 'Ausgabe hinzufügen',
			what: 'Wofür?',
			amount: 'Betrag (EUR)',
			save: 'Ausgabe speichern',
			equally: 'Zu gleichen Teilen',
			yes: 'Ja',
			vote: 'Abstimmen',
			passed: 'Angenommen',
			reason: 'Angenommen: 1 von 1 Stimmberechtigten haben abgestimmt (Quorum 50 % erreicht), 1 Ja bei 1 abgegebenen Stimme',
			chores: 'Aufgaben',
			today: 'Heute',
			home: 'Start'
		}
	},
	{
		locale: 'ar',
		name: 'العربية',
		intl: 'ar-EG',
		dir: 'rtl',
		// As an Arabic keyboard types it.
		amountTyped: '٩٠',
		text: {
			account: 'حسابك',
			addExpense: 'أضف مصروفًا',
			what: 'ما هو؟',
			amount: 'المبلغ (EUR)',
			save: 'احفظ المصروف',
			equally: 'بالتساوي',
			yes: 'نعم',
			vote: 'صوّت',
			passed: 'أُقرّ',
			reason: 'أُقرّ: صوّت 1 من أصل 1 من أصحاب الحق في التصويت (النصاب 50٪ مكتمل)، 1 نعم من أصل صوت واحد',
			chores: 'المهام',
			today: 'اليوم',
			home: 'الرئيسية'
		}
	}
] as const;

async function noSidewaysScroll(page: Page): Promise<void> {
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
}

async function noAxeViolations(page: Page): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

for (const language of LANGUAGES) {
	test(`in ${language.name}: a bill, a vote and the chore calendar, formatted and laid out for it`, async ({ page }) => {
		test.setTimeout(120_000);
		const t = language.text;
		const money = (amount: number) => new Intl.NumberFormat(language.intl, { style: 'currency', currency: 'EUR' }).format(amount);
		await signUp(page, 'Ana');
		const home = await createHousehold(page, `Haus ${language.locale}`);
		const householdId = home.split('/h/')[1]!;
		await addMemberByForm(page, home, 'Leo', 'child', '0');

		// The account's language, chosen in its settings: the next page speaks it.
		await page.goto('/account');
		await page.getByRole('combobox', { name: 'Language' }).selectOption(language.locale);
		await page.getByRole('button', { name: 'Change language' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.account);
		await expect(page.locator('html')).toHaveAttribute('lang', language.intl);
		await expect(page.locator('html')).toHaveAttribute('dir', language.dir);

		// Split a bill: labels, typed digits and the owed amounts in the language's own way.
		await page.goto(`${home}/expenses/new`);
		await hydrated(page);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.addExpense);
		await page.getByLabel(t.what).fill('Lebensmittel');
		await page.getByLabel(t.amount).fill(language.amountTyped);
		await page.getByLabel(t.equally).check();
		await expect(page.getByTestId('owes-Ana')).toHaveText(money(45));
		await expect(page.getByTestId('owes-Leo')).toHaveText(money(45));
		await noSidewaysScroll(page);
		await noAxeViolations(page);
		await page.getByRole('button', { name: t.save }).click();
		await expect(page.getByRole('heading', { name: 'Lebensmittel' })).toBeVisible();

		// A vote: the ballot, the verdict and the reason in the language, with its plurals.
		const created = await page.request.post(`/api/v1/households/${householdId}/proposals`, {
			data: {
				title: 'Garten',
				kind: 'consent',
				rule: { threshold: 'majority', quorumPct: 50, voterClass: 'adults' },
				closesAt: new Date(Date.now() + 86_400_000).toISOString()
			}
		});
		expect(created.status()).toBe(201);
		await page.goto(`${home}/proposals/${((await created.json()) as { id: string }).id}`);
		await hydrated(page);
		await page.getByLabel(t.yes, { exact: true }).check();
		await page.getByRole('button', { name: t.vote, exact: true }).click();
		await expect(page.getByTestId('proposal-status')).toHaveText(t.passed);
		await expect(page.getByTestId('proposal-reason')).toContainText(t.reason);
		await noSidewaysScroll(page);
		await noAxeViolations(page);

		// The chore calendar: the month starts on the locale's first day and reads in its direction.
		const me = (await (await page.request.get('/api/v1/me')).json()).households[0].memberId as string;
		const chore = await page.request.post(`/api/v1/households/${householdId}/chores`, {
			data: {
				name: 'Blumen',
				effort: 1,
				schedule: { kind: 'daily', interval: 1, startOn: new Date().toISOString().slice(0, 10) },
				assignment: { strategy: 'fixed', memberIds: [me] }
			}
		});
		expect(chore.status()).toBe(201);
		await page.goto(`${home}/chores?view=month`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.chores);
		await expect(page.getByRole('link', { name: t.today, exact: true })).toBeVisible();
		const weekdays = page.locator('.weekday');
		const firstDay = new Intl.Locale(language.intl) as Intl.Locale & { weekInfo?: { firstDay: number } };
		// 2023-01-01 was a Sunday; weekInfo counts Monday as 1 and Sunday as 7.
		const firstName = (weekday: 'short' | 'narrow') =>
			new Intl.DateTimeFormat(language.intl, { weekday, timeZone: 'UTC' }).format(Date.UTC(2023, 0, 1 + (firstDay.weekInfo!.firstDay % 7)));
		// On a phone the narrow names show ("M", "س"); the short ones on wider screens.
		await expect(weekdays.first().locator('.narrow')).toBeVisible();
		await expect(weekdays.first().locator('.narrow')).toHaveText(firstName('narrow'));
		await expect(weekdays.first().locator('.wide')).toHaveText(firstName('short'));
		const month = new Intl.DateTimeFormat(language.intl, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date());
		await expect(page.locator('h2.period')).toHaveText(month);
		const [firstBox, lastBox] = [await weekdays.first().boundingBox(), await weekdays.last().boundingBox()];
		// Left to right in German, right to left in Arabic; the bottom bar mirrors with it.
		const homeTab = await page.getByRole('navigation', { name: /./ }).last().getByRole('link', { name: t.home }).boundingBox();
		const choresTab = await page.getByRole('navigation', { name: /./ }).last().getByRole('link', { name: t.chores }).boundingBox();
		if (language.dir === 'rtl') {
			expect(firstBox!.x).toBeGreaterThan(lastBox!.x);
			expect(homeTab!.x).toBeGreaterThan(choresTab!.x);
		} else {
			expect(firstBox!.x).toBeLessThan(lastBox!.x);
			expect(homeTab!.x).toBeLessThan(choresTab!.x);
		}
		await noSidewaysScroll(page);
		await noAxeViolations(page);
		await page.screenshot({ path: test.info().outputPath(`calendar-${language.locale}.png`) });
	});
}

test('the login page switches language without an account, and links keep it', async ({ page }) => {
	await page.goto('/login');
	await page.getByRole('combobox', { name: 'Language' }).selectOption('pl');
	await page.getByRole('button', { name: 'Change language' }).click();
	await expect(page).toHaveURL(/\/login$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logowanie');
	await page.goto('/login');
	await expect(page.getByRole('button', { name: 'Zaloguj' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'pl-PL');
});
