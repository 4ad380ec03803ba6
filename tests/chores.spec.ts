import { expect, test } from '@playwright/test';
import { createHousehold, logIn, signUp } from './helpers';

/** A month two months ahead (inside the calendar's planning bounds, wherever today is) and its first four Mondays. */
function monthAhead() {
	const now = new Date();
	const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 1));
	const day = (d: Date) => d.toISOString().slice(0, 10);
	const firstMonday = new Date(first.getTime() + ((8 - first.getUTCDay()) % 7) * 86_400_000);
	const mondays = [0, 1, 2, 3].map((w) => day(new Date(firstMonday.getTime() + w * 7 * 86_400_000)));
	const title = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(first);
	return {
		start: day(first),
		mid: day(new Date(first.getTime() + 14 * 86_400_000)),
		end: day(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0))),
		year: String(first.getUTCFullYear()),
		title,
		mondays
	};
}

test('a weekly chore rotates among three members on the calendar, and a completion by someone else credits the doer', async ({ page }) => {
	await signUp(page, 'Ana');
	const home = await createHousehold(page, 'Chore House');
	const householdId = home.split('/h/')[1]!;
	for (const displayName of ['Ben', 'Cleo']) {
		expect((await page.request.post(`/api/v1/households/${householdId}/members`, { data: { displayName, role: 'adult' } })).status()).toBe(201);
	}

	await page.getByRole('navigation', { name: 'Household' }).getByRole('link', { name: 'Chores' }).click();
	await page.getByRole('link', { name: 'New chore' }).click();
	await page.getByLabel('Chore', { exact: true }).fill('Bins out');
	await page.getByLabel('Every N weeks, on chosen days').check();
	await page.getByLabel('Mon', { exact: true }).check();
	const month = monthAhead();
	const [first, second, third, fourth] = month.mondays as [string, string, string, string];
	await page.getByLabel('Starts on').fill(month.start);
	// Turns: Ana 1, Ben 2, Cleo 3 (the form lists members by name).
	await page.getByLabel('Ana', { exact: true }).fill('1');
	await page.getByLabel('Ben', { exact: true }).fill('2');
	await page.getByLabel('Cleo', { exact: true }).fill('3');
	await page.getByRole('button', { name: 'Preview the next eight' }).click();
	await expect(page.getByRole('heading', { name: 'The next 8' })).toBeVisible();
	const preview = await page.getByRole('listitem').filter({ hasText: month.year }).allInnerTexts();
	expect(preview.slice(0, 4).map((line) => line.split(' — ')[1])).toEqual(['Ana', 'Ben', 'Cleo', 'Ana']);
	await page.getByRole('button', { name: 'Add chore' }).click();
	await expect(page.getByText('Added “Bins out”.')).toBeVisible();

	await page.goto(`${home}/chores?view=month&date=${month.mid}`);
	await expect(page.getByRole('heading', { name: month.title })).toBeVisible();
	// The compact month: each day says who does what (for screen readers; a coloured dot on screen).
	const cell = (day: string) => page.getByTestId(`day-${day}`);
	await expect(cell(first)).toContainText('Bins out: Ana');
	await expect(cell(second)).toContainText('Bins out: Ben');
	await expect(cell(third)).toContainText('Bins out: Cleo');
	await expect(cell(fourth)).toContainText('Bins out: Ana');
	// Tapping a day shows it.
	await cell(second).click();
	const week = (day: string) => page.getByTestId(`occurrence-Bins out-${day}`);
	await expect(week(second)).toContainText('Ben');

	// Cleo does Ben's turn: the credit goes to Cleo.
	await page.goto(`${home}/chores?view=week&date=${second}`);
	const item = week(second);
	await item.getByText('More').click();
	await item.getByLabel('Done by').selectOption({ label: 'Cleo' });
	await item.getByRole('button', { name: 'Mark done' }).click();
	await expect(week(second)).toContainText('done by Cleo');
	const fairness = await page.request.get(`/api/v1/households/${householdId}/chore-fairness?from=${month.start}&to=${month.end}`);
	const rows = (await fairness.json()).items as Array<{ memberId: string; effortDone: number }>;
	expect(rows.map((r) => r.effortDone).sort()).toEqual([0, 0, 1]);
});

test('a member makes a calendar link; the ICS feed downloads and parses', async ({ page }) => {
	await signUp(page, 'Dee');
	const home = await createHousehold(page, 'Feed House');
	const householdId = home.split('/h/')[1]!;
	const me = (await (await page.request.get('/api/v1/me')).json()).households[0].memberId as string;
	const chore = await page.request.post(`/api/v1/households/${householdId}/chores`, {
		data: {
			name: 'Water plants',
			effort: 1,
			schedule: { kind: 'daily', interval: 2, startOn: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10), time: '08:30' },
			assignment: { strategy: 'fixed', memberIds: [me] }
		}
	});
	expect(chore.status()).toBe(201);
	await page.goto(`${home}/chores/feeds`);
	await page.getByRole('button', { name: 'Make a link for My chores' }).click();
	const link = await page.getByLabel('Your link (shown once — copy it now)').inputValue();
	expect(link).toMatch(/\/households\/.+\/members\/.+\/chores\.ics\?token=[a-z2-7]{32}$/);

	const feed = await page.request.get(link);
	expect(feed.status()).toBe(200);
	expect(feed.headers()['content-type']).toContain('text/calendar');
	const ICAL = (await import('ical.js')).default;
	const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
	const events = calendar.getAllSubcomponents('vevent');
	expect(events.length).toBeGreaterThan(50);
	expect(String(events[0]!.getFirstPropertyValue('summary'))).toContain('Water plants — Dee');

	// A new link stops the old one.
	await page.getByRole('button', { name: 'Make a new link for My chores' }).click();
	await expect(page.getByLabel('Your link (shown once — copy it now)')).not.toHaveValue(link);
	expect((await page.request.get(link)).status()).toBe(404);
});

test('the week view lists what is still undone from before it, and a day in the order of its times', async ({ page }) => {
	await signUp(page, 'Wes');
	const home = await createHousehold(page, 'Week House');
	const householdId = home.split('/h/')[1]!;
	const me = (await (await page.request.get('/api/v1/me')).json()).households[0].memberId as string;
	const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
	const chore = (name: string, startOn: string, time?: string) =>
		page.request.post(`/api/v1/households/${householdId}/chores`, {
			data: {
				name,
				effort: 1,
				schedule: { kind: 'daily', interval: 1, startOn, ...(time ? { time } : {}) },
				assignment: { strategy: 'fixed', memberIds: [me] }
			}
		});
	// Ten days back: its first days are before this week's Monday, undone.
	expect((await chore('Water plants', day(-10))).status()).toBe(201);
	expect((await chore('Alpha round', day(1), '20:00')).status()).toBe(201);
	expect((await chore('Beta round', day(1), '07:00')).status()).toBe(201);
	await page.goto(`${home}/chores?view=week&date=${day(0)}`);
	const before = page.getByTestId('overdue-before');
	await expect(before).toBeVisible();
	await expect(before.getByTestId(`occurrence-Water plants-${day(-8)}`)).toBeVisible();
	await page.goto(`${home}/chores?view=agenda&date=${day(1)}`);
	const tomorrow = page.locator(`#day-${day(1)}`).locator('xpath=..');
	const names = await tomorrow
		.locator('[data-testid^="occurrence-"]')
		.evaluateAll((items) => items.map((i) => i.getAttribute('data-testid')!.split('-').slice(1, -3).join('-')));
	expect(names).toEqual(['Beta round', 'Alpha round', 'Water plants']);
});

test('the month fits one screen, on a phone and on a desktop', async ({ page }) => {
	await logIn(page, 'priya@maple.example', 'maple-street');
	await expect(page).toHaveURL(/\/h\/[0-9a-f-]{36}/);
	const home = new URL(page.url()).pathname.match(/^\/h\/[0-9a-f-]{36}/)![0];
	for (const [width, height] of [
		[390, 844],
		[1280, 800]
	] as const) {
		await page.setViewportSize({ width, height });
		await page.goto(`${home}/chores?view=month`);
		const grid = await page.locator('.month').boundingBox();
		expect(grid!.height, `${width} × ${height}`).toBeLessThan(height * 0.8);
		expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width} × ${height}`).toBeLessThanOrEqual(width);
		await page.screenshot({ path: test.info().outputPath(`month-${width}.png`), fullPage: true });
	}
});
