/**
 * A house kitty at a desk and on a phone: Ana (at her desk) sets it up — 60.00 a month
 * split by share weight, spending above 50.00 asks the house. Ben (on his phone) pays in
 * his 30.00 and is no longer behind; Ana pays hers. Ben buys soap from it; then tries to
 * pay 55.00 for a vacuum cleaner, is told it needs the house, and puts it to the house
 * with what he typed kept. Both vote yes: it is paid from the kitty once, and the balance
 * drops by it.
 */
import { expect, test } from '@playwright/test';
import { createHousehold, secondAdultJoins, signUp } from './helpers';

test('a house fund: pay in, spend, and ask the house above the limit, at a desk and on a phone', async ({ page, browser }) => {
	test.slow();
	await page.setViewportSize({ width: 1280, height: 900 });
	await signUp(page, 'Ana');
	const home = await createHousehold(page, 'Kitty House');
	const { page: ben, close } = await secondAdultJoins(page, browser, { home, name: 'Kitty House' }, 'Ben', {
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true
	});

	// Ana sets the kitty up; a bad amount is refused by its field, what was typed kept.
	await page.goto(`${home}/funds`);
	await page.getByText('Set up a fund').click();
	await page.getByLabel('Name').fill('House kitty');
	await page.getByLabel('What it is for').fill('Cleaning things and small repairs');
	await page.getByLabel('Monthly amount').fill('sixty');
	await page.getByLabel('Ask the house above').fill('50.00');
	await page.getByRole('button', { name: 'Set up the fund' }).click();
	await expect(page.getByText(/Enter an amount like/)).toBeVisible();
	await expect(page.getByLabel('Name')).toHaveValue('House kitty');
	await page.getByLabel('Monthly amount').fill('60.00');
	await page.getByRole('button', { name: 'Set up the fund' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'House kitty' })).toBeVisible();
	await expect(page.getByTestId('fund-balance')).toHaveText('€0.00');
	const fundPath = new URL(page.url()).pathname;

	// Ben, on his phone, sees he is behind, and pays in his share (the form offers it).
	await ben.goto(`${home}/funds`);
	await expect(ben.getByText('You pay in €30.00 a month.')).toBeVisible();
	await ben.getByRole('link', { name: /House kitty/ }).click();
	await expect(ben.getByTestId('behind-Ben')).toHaveText('€30.00');
	const pay = ben.getByRole('region', { name: 'Pay in' });
	await expect(pay.getByLabel('Amount')).toHaveValue('30.00');
	await pay.getByRole('button', { name: 'Record the payment' }).click();
	await expect(ben.getByText('Payment into the fund recorded.')).toBeVisible();
	await expect(ben.getByTestId('fund-balance')).toHaveText('€30.00');
	await expect(ben.getByTestId('behind-Ben')).toHaveText('—');
	expect(await ben.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	// Four forms on one page: every label points at its own field.
	const ids = await ben.evaluate(() => [...document.querySelectorAll('[id]')].map((element) => element.id));
	expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);

	// Ana pays hers at her desk.
	await page.goto(fundPath);
	await page.getByRole('region', { name: 'Pay in' }).getByRole('button', { name: 'Record the payment' }).click();
	await expect(page.getByTestId('fund-balance')).toHaveText('€60.00');
	await expect(page.getByText('Everyone is up to date.')).toBeVisible();

	// Ben buys soap from it: under the limit, paid at once.
	await ben.reload();
	const spend = ben.getByRole('region', { name: 'Spend from the fund' });
	await spend.getByLabel('What for').fill('Soap');
	await spend.getByLabel('Amount').fill('4.50');
	await spend.getByRole('button', { name: 'Pay from the fund' }).click();
	await expect(ben.getByText('Paid from the fund.')).toBeVisible();
	await expect(ben.getByTestId('fund-balance')).toHaveText('€55.50');

	// A vacuum cleaner for 55.00 is above the limit: the house is asked instead, with what he typed.
	await spend.getByLabel('What for').fill('Vacuum cleaner');
	await spend.getByLabel('Amount').fill('55.00');
	await spend.getByRole('button', { name: 'Pay from the fund' }).click();
	await expect(spend.getByText('Above €50.00 the house decides: ask the house below.')).toBeVisible();
	await expect(ben.getByTestId('fund-balance')).toHaveText('€55.50');
	const ask = ben.locator('details', { has: ben.getByRole('heading', { name: 'Ask the house to spend more' }) });
	await expect(ask.getByLabel('What for')).toHaveValue('Vacuum cleaner');
	await expect(ask.getByLabel('Amount')).toHaveValue('55.00');
	await ask.getByLabel('Why the house should').fill('The old one died.');
	await ask.getByRole('button', { name: 'Put it to the house' }).click();
	await expect(ben.getByRole('heading', { level: 1, name: /Spend €55.00 from House kitty: Vacuum cleaner/ })).toBeVisible();
	await expect(ben.getByText(/pays “Vacuum cleaner”, €55.00, from the house fund, once/)).toBeVisible();
	await ben.getByRole('radio', { name: 'Yes' }).check();
	await ben.getByRole('button', { name: 'Vote' }).click();
	await expect(ben.getByText('Your vote is in.')).toBeVisible();

	// Ana finds it waiting on the kitty's page and votes yes: both adults voted, it passes and is paid from the kitty, once.
	await page.goto(fundPath);
	await page
		.getByRole('region', { name: 'Waiting for the house' })
		.getByRole('link', { name: /Vacuum cleaner/ })
		.click();
	await page.getByRole('radio', { name: 'Yes' }).check();
	await page.getByRole('button', { name: 'Vote' }).click();
	await expect(page.getByTestId('proposal-status')).toHaveText('Passed');
	await expect(page.getByTestId('linked-expense')).toHaveText('Vacuum cleaner, €55.00');
	await page.getByRole('link', { name: 'See the fund' }).click();
	await expect(page.getByTestId('fund-balance')).toHaveText('€0.50');
	await expect(page.getByRole('region', { name: 'What was bought' })).toContainText('Vacuum cleaner');
	// Paid by the fund, split among no one: nobody owes anybody for it.
	await page.goto(`${home}/balances`);
	await expect(page.getByText('Everyone is settled up.')).toBeVisible();
	await close();
});
