/**
 * The commons on a phone and at a desk: Ana (an admin, at her desk) adds the car and
 * books it for tomorrow evening; Ben (on his phone) tries a time that overlaps, is told
 * who has it with what he typed kept, and books the hour after instead.
 */
import { expect, test } from '@playwright/test';
import { createHousehold, secondAdultJoins, signUp } from './helpers';

const tomorrow = () => {
	const date = new Date(Date.now() + 86_400_000);
	return date.toISOString().slice(0, 10);
};

test('book the car at a desk and on a phone: an overlapping booking is refused with who has it', async ({ page, browser }) => {
	test.slow();
	await page.setViewportSize({ width: 1280, height: 900 });
	await signUp(page, 'Ana');
	const home = await createHousehold(page, 'Car House');
	const { page: ben, close } = await secondAdultJoins(page, browser, { home, name: 'Car House' }, 'Ben', {
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true
	});

	// Ana adds the car with its rules.
	await page.getByRole('navigation', { name: 'Household' }).getByRole('link', { name: 'Shared things' }).click();
	await page.getByText('Add a shared thing').click();
	await page.getByLabel('Name').fill('The car');
	await page.getByLabel('Kind').selectOption('vehicle');
	await page.getByLabel('Longest booking (hours)').fill('abc');
	await page.getByRole('button', { name: 'Add it' }).click();
	// Bad input: the message by the field, what was typed kept, nothing added.
	await expect(page.getByText('Give a number, or leave it blank for no limit.')).toBeVisible();
	await expect(page.getByLabel('Name')).toHaveValue('The car');
	await page.getByLabel('Longest booking (hours)').fill('4');
	await page.getByLabel('Minutes kept free after each booking').fill('30');
	await page.getByRole('button', { name: 'Add it' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'The car' })).toBeVisible();
	await expect(page.getByText('Up to 4 h at a time')).toBeVisible();

	// Ana books tomorrow 18:00–20:00.
	await page.getByLabel('From (day)').fill(tomorrow());
	await page.getByLabel('From (time)').fill('18:00');
	await page.getByLabel('Until (day)').fill(tomorrow());
	await page.getByLabel('Until (time)').fill('20:00');
	await page.getByLabel('Note (optional)').fill('Choir');
	await page.getByRole('button', { name: 'Book', exact: true }).click();
	await expect(page.getByRole('region', { name: 'Book it' }).getByRole('status')).toContainText('Booked.');
	await expect(page.getByRole('region', { name: 'Coming up' })).toContainText('Ana');
	// The chore calendar's week shows it beside the chores.
	await page.goto(`${home}/chores?view=week&date=${tomorrow()}`);
	await expect(page.getByTestId(`booking-${tomorrow()}`)).toContainText('The car: Ana');
	await page.goBack();

	// Ben, on his phone, finds the car under More and asks for 19:30–21:00.
	await ben.goto(`${home}/things`);
	await ben.getByRole('link', { name: /The car/ }).click();
	await expect(ben.getByRole('region', { name: /The week from/ })).toContainText('Ana');
	await ben.getByLabel('From (day)').fill(tomorrow());
	await ben.getByLabel('From (time)').fill('19:30');
	await ben.getByLabel('Until (day)').fill(tomorrow());
	await ben.getByLabel('Until (time)').fill('21:00');
	await ben.getByLabel('Note (optional)').fill('Airport run');
	await ben.getByRole('button', { name: 'Book', exact: true }).click();
	await expect(ben.getByText(/Taken: Ana has it .*(6|18):00.*(8|20):00.*\./)).toBeVisible();
	await expect(ben.getByLabel('Note (optional)')).toHaveValue('Airport run');
	await expect(ben.getByLabel('From (time)')).toHaveValue('19:30');

	// The 30 minutes kept free after Ana's booking: 20:30 is the first start that fits.
	await ben.getByLabel('From (time)').fill('20:30');
	await ben.getByRole('button', { name: 'Book', exact: true }).click();
	await expect(ben.getByRole('region', { name: 'Book it' }).getByRole('status')).toContainText('Booked.');
	const coming = ben.getByRole('region', { name: 'Coming up' });
	await expect(coming.locator('strong', { hasText: /^Ana$/ })).toBeVisible();
	await expect(coming.locator('strong', { hasText: /^Ben$/ })).toBeVisible();
	expect(await ben.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

	// Ben cancels his; Ana's stays.
	await coming.getByRole('button', { name: /Cancel booking/ }).click();
	await expect(coming.locator('strong', { hasText: /^Ben$/ })).toBeHidden();
	await expect(coming.locator('strong', { hasText: /^Ana$/ })).toBeVisible();
	await close();
});
