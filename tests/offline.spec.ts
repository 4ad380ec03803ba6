import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { createHousehold, signUp } from './helpers';

test.use({ serviceWorkers: 'allow' });

/** Offline as a phone on the underground is: no network for the page or its service worker. */
async function goOffline(context: BrowserContext): Promise<void> {
	await context.setOffline(true);
	await context.route('**', (route) => route.abort('internetdisconnected'));
}
async function goOnline(context: BrowserContext): Promise<void> {
	await context.unrouteAll();
	await context.setOffline(false);
}
/** A new house of its founder and one member without a login (someone to pay); its home page. */
async function houseOfTwo(page: Page, founder: string, house: string, member: string): Promise<string> {
	await signUp(page, founder);
	const home = await createHousehold(page, house);
	await page.goto(`${home}/members`);
	await page.getByLabel('Name').fill(member);
	await page.getByRole('button', { name: 'Add member' }).click();
	await expect(page.getByText(`Added ${member}.`)).toBeVisible();
	return home;
}
async function controlledByWorker(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready);
	// The worker claims the page it installed from; a reload makes sure every page after it goes through it.
	await page.reload();
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test('Hearth is installable: a manifest with a name, a start page, standalone display and PNG icons of 192 and 512 px', async ({ request }) => {
	const response = await request.get('/manifest.webmanifest');
	expect(response.ok()).toBe(true);
	const manifest = await response.json();
	expect(manifest).toMatchObject({ name: 'Hearth', short_name: 'Hearth', start_url: '/', display: 'standalone' });
	for (const size of [192, 512]) {
		const icon = manifest.icons.find((i: { sizes: string; type: string }) => i.sizes === `${size}x${size}` && i.type === 'image/png');
		const png = await request.get(icon.src);
		expect(png.headers()['content-type']).toBe('image/png');
		const bytes = await png.body();
		// The PNG header's width and height.
		expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([size, size]);
	}
	expect(manifest.icons.some((i: { purpose?: string }) => i.purpose === 'maskable')).toBe(true);
});

test('offline, the last-seen dashboard, calendar and balances open with a banner saying when; a write is refused and what was typed stays', async ({
	page,
	context
}) => {
	// A journey through six pages and a service worker's install: 12 s alone, near 30 s beside the language suite's two workers.
	test.slow();
	const home = await houseOfTwo(page, 'Noor', 'Underground House', 'Ines');
	await page.goto(home);
	// The page declares its manifest, and its worker installs and takes over.
	await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', /manifest\.webmanifest$/);
	await controlledByWorker(page);
	for (const path of ['', '/chores', '/balances']) await page.goto(`${home}${path}`);

	await goOffline(context);
	await page.goto(`${home}/balances`);
	await expect(page.getByRole('status')).toContainText(/Offline — showing what you saw at \d{1,2}:\d{2}/);
	await expect(page.getByRole('heading', { name: 'Record a payment' })).toBeVisible();

	// A payment typed offline is not sent and not lost.
	await page.getByLabel('Who paid').selectOption({ label: 'Noor' });
	await page.getByLabel('Paid to').selectOption({ label: 'Ines' });
	await page.getByLabel(/^Amount/).fill('12.50');
	await page.getByLabel('Note (optional)').fill('Cash for the pizza');
	await page.getByRole('button', { name: 'Record payment' }).click();
	await expect(page.getByRole('alert')).toContainText('You are offline, so nothing was sent');
	await expect(page.getByLabel('Note (optional)')).toHaveValue('Cash for the pizza');
	await expect(page.getByLabel(/^Amount/)).toHaveValue('12.50');

	// The tab bar and links still go to the kept pages.
	await page.getByRole('navigation', { name: 'Household' }).getByRole('link', { name: 'Chores' }).click();
	await expect(page).toHaveURL(`${home}/chores`);
	await expect(page.getByRole('status')).toContainText('Offline — showing what you saw at');
	// A page never opened on this device says so, with the ones that are kept.
	await page.goto(`${home}/expenses`).catch(() => undefined);
	await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Balances' })).toBeVisible();

	// Back online: the same page sends, and nothing was stored while offline.
	await goOnline(context);
	await page.goto(`${home}/balances`);
	await expect(page.getByRole('status')).toHaveCount(0);
	await expect(page.getByText('Cash for the pizza')).toHaveCount(0);
});

test('offline in German: the refusal and the worker’s own page are in the reader’s language', async ({ page, context, baseURL }) => {
	test.slow();
	const home = await houseOfTwo(page, 'Jonas', 'Offline-Haus', 'Greta');
	// This device reads German from now on (the account leaves it to the device).
	await context.addCookies([{ name: 'hearth_locale', value: 'de', url: baseURL! }]);
	await page.goto(home);
	await controlledByWorker(page);
	await page.goto(`${home}/balances`);
	await expect(page.locator('html')).toHaveAttribute('lang', /^de/);

	await goOffline(context);
	await page.goto(`${home}/balances`);
	await page.getByLabel('Wer hat bezahlt').selectOption({ label: 'Jonas' });
	await page.getByLabel('Bezahlt an').selectOption({ label: 'Greta' });
	await page.getByLabel(/^Betrag/).fill('7,50');
	await page.getByRole('button', { name: 'Zahlung eintragen' }).click();
	await expect(page.getByRole('alert')).toContainText('Du bist offline, darum wurde nichts gesendet');
	await expect(page.getByLabel(/^Betrag/)).toHaveValue('7,50');
	// A page never opened here: the worker's own page says so in German, with the kept pages by their German names.
	await page.goto(`${home}/expenses`).catch(() => undefined);
	await expect(page.getByRole('heading', { name: 'Du bist offline' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await expect(page.getByRole('link', { name: 'Salden' })).toBeVisible();
	await goOnline(context);
});
