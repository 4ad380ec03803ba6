import { expect, test, type Page } from '@playwright/test';
import { addMemberByForm, createHousehold, signUp } from './helpers';

/** A household of three: the signed-up founder and two members added through the API (cookie session). */
async function houseOfThree(page: Page, name: string): Promise<string> {
	await signUp(page, 'Ana');
	const home = await createHousehold(page, name);
	const householdId = home.split('/h/')[1]!;
	for (const displayName of ['Ben', 'Cleo']) {
		const response = await page.request.post(`/api/v1/households/${householdId}/members`, { data: { displayName, role: 'adult' } });
		expect(response.status()).toBe(201);
	}
	return home;
}

test('an equal split of 100.00 among three is 33.34 / 33.33 / 33.33, and settling up brings the balance to zero', async ({ page }) => {
	const home = await houseOfThree(page, 'Split House');
	await page.goto(`${home}/expenses/new`);
	await page.getByLabel('What was it?').fill('Big shop');
	await page.getByLabel('Amount (EUR)').fill('100');
	// The live preview shows the shares before saving.
	await expect(page.getByTestId('owes-Ana')).not.toHaveText('—');
	const preview = await Promise.all(['Ana', 'Ben', 'Cleo'].map((n) => page.getByTestId(`owes-${n}`).innerText()));
	expect(preview.sort()).toEqual(['€33.33', '€33.33', '€33.34']);
	await page.getByRole('button', { name: 'Save expense' }).click();

	await expect(page.getByRole('heading', { name: 'Big shop' })).toBeVisible();
	const saved = await Promise.all(['Ana', 'Ben', 'Cleo'].map((n) => page.getByTestId(`share-${n}`).innerText()));
	expect(saved.sort()).toEqual(['€33.33', '€33.33', '€33.34']);
	expect(saved).toEqual(preview);

	await page.getByRole('navigation', { name: 'Household' }).getByRole('link', { name: 'Balances' }).click();
	await expect(page.getByTestId('my-balance')).toContainText('You are owed');
	// One payment at a time, each confirmed with its amount in view: wait for the list to shrink before the next.
	const payments = page.getByText(/^Record this payment/);
	for (let remaining = await payments.count(); remaining > 0; remaining--) {
		await payments.first().click();
		await page.getByRole('button', { name: 'Record it' }).click();
		await expect(payments).toHaveCount(remaining - 1);
	}
	await expect(page.getByText('Payment recorded.')).toBeVisible();
	await expect(page.getByTestId('my-balance')).toHaveText('You are settled up.');
	await expect(page.getByText('Everyone is settled up.')).toBeVisible();
	await page.getByRole('navigation', { name: 'Household' }).getByRole('link', { name: 'Home' }).click();
	await expect(page.getByTestId('dashboard-balance')).toHaveText('You are settled up.');
});

test('a split that does not add up says by how much, and nothing is saved', async ({ page }) => {
	const home = await houseOfThree(page, 'Exact House');
	await page.goto(`${home}/expenses/new`);
	await page.getByLabel('What was it?').fill('Concert tickets');
	await page.getByLabel('Amount (EUR)').fill('90');
	await page.getByLabel('Exact amounts').check();
	await page.getByLabel('Amount (EUR) for Ana').fill('30');
	await page.getByLabel('Amount (EUR) for Ben').fill('30');
	await page.getByLabel('Amount (EUR) for Cleo').fill('20');
	await expect(page.getByText('The amounts add up to €10.00 less than the total.')).toBeVisible();
	await page.getByRole('button', { name: 'Save expense' }).click();
	await expect(page.getByRole('alert').filter({ hasText: '€10.00 less' })).toBeVisible();
	await expect(page.getByLabel('What was it?')).toHaveValue('Concert tickets');
	await page.goto(`${home}/expenses`);
	await expect(page.getByText('No expenses yet.')).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the server previews the split, then saves it', async ({ page }) => {
		const home = await houseOfThree(page, 'Plain Money House');
		await page.goto(`${home}/expenses/new`);
		await page.getByLabel('What was it?').fill('Internet');
		await page.getByLabel('Amount (EUR)').fill('45,00');
		await page.getByRole('button', { name: 'Show who owes what' }).click();
		await expect(page.getByTestId('owes-Ana')).toHaveText('€15.00');
		await page.getByRole('button', { name: 'Save expense' }).click();
		await expect(page.getByRole('heading', { name: 'Internet' })).toBeVisible();
		await expect(page.getByTestId('share-Ben')).toHaveText('€15.00');
	});
});

test('a monthly rent set up with a past first date fills in the months already due, and can be changed', async ({ page }) => {
	const home = await houseOfThree(page, 'Rent House');
	await page.goto(`${home}/expenses/recurring`);
	await page.getByLabel('What was it?').fill('Rent');
	await page.getByLabel('Amount (EUR)').fill('900');
	await page.getByLabel('Category').selectOption('rent');
	await page.getByLabel('First date').fill('2026-09-01');
	await page.getByLabel('Day of the month (monthly)').fill('1');
	await page.getByRole('button', { name: 'Set up' }).click();
	await expect(page.getByText('Set up. Any period already due was added to the expenses.')).toBeVisible();
	await expect(page.getByText(/Every month on day 1\s*·\s*next on/)).toBeVisible();

	await page.getByRole('link', { name: 'Rent' }).click();
	await expect(page.getByRole('heading', { name: 'Change “Rent”' })).toBeVisible();
	await page.getByLabel('Amount (EUR)').fill('950');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByText('Saved. The next periods follow the new terms.')).toBeVisible();

	await page.goto(`${home}/expenses?category=rent`);
	const rows = page.getByRole('listitem').filter({ hasText: 'Rent' });
	expect(await rows.count()).toBeGreaterThanOrEqual(3);
	await expect(rows.first()).toContainText('€900.00');
});

test('"Record a payment" starts from my own suggested payment, whichever side I am on, or from nothing', async ({ page }) => {
	const home = await houseOfThree(page, 'Prefill House');
	const householdId = home.split('/h/')[1]!;
	const members = (await (await page.request.get(`/api/v1/households/${householdId}/members`)).json()).items as Array<{ id: string; displayName: string }>;
	const id = (name: string) => members.find((m) => m.displayName === name)!.id;
	const spend = (payer: string, amountMinor: number, among: string[]) =>
		page.request.post(`/api/v1/households/${householdId}/expenses`, {
			data: {
				description: 'Pizza',
				amountMinor,
				spentOn: new Date().toISOString().slice(0, 10),
				category: 'groceries',
				payers: [{ memberId: id(payer), amountMinor }],
				split: { mode: 'equal', parts: among.map((n) => ({ memberId: id(n) })) }
			}
		});
	const record = page.getByRole('region', { name: 'Record a payment' });

	// I (Ana) paid 20.00 for Ben and me: I am the creditor, Ben pays me 10.00.
	expect((await spend('Ana', 2000, ['Ana', 'Ben'])).status()).toBe(201);
	await page.goto(`${home}/balances`);
	await expect(record.getByLabel('Who paid')).toHaveValue(id('Ben'));
	await expect(record.getByLabel('Paid to')).toHaveValue(id('Ana'));
	await expect(record.getByLabel('Amount (EUR)')).toHaveValue('10.00');
	await record.getByRole('button', { name: 'Record payment' }).click();
	await expect(page.getByTestId('my-balance')).toHaveText('You are settled up.');

	// Cleo paid 30.00 for Ben and Cleo: a debt that is not mine, so nothing is prefilled (not theirs, not me to me).
	expect((await spend('Cleo', 3000, ['Ben', 'Cleo'])).status()).toBe(201);
	await page.goto(`${home}/balances`);
	await expect(record.getByLabel('Who paid')).toHaveValue('');
	await expect(record.getByLabel('Paid to')).toHaveValue('');
	await expect(record.getByLabel('Amount (EUR)')).toHaveValue('');

	// Now I owe Cleo: the form starts from my payment to her.
	expect((await spend('Cleo', 1000, ['Ana'])).status()).toBe(201);
	await page.goto(`${home}/balances`);
	await expect(record.getByLabel('Who paid')).toHaveValue(id('Ana'));
	await expect(record.getByLabel('Paid to')).toHaveValue(id('Cleo'));
	await expect(record.getByLabel('Amount (EUR)')).toHaveValue('10.00');
});

test('"By shares" starts at 1 each, a 0 leaves someone out (the preview stays), errors are per row and clear when fixed; exact amounts say what is left', async ({
	page
}) => {
	const home = await houseOfThree(page, 'Shares House');
	await page.goto(`${home}/expenses/new`);
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
	await page.getByLabel('What was it?').fill('Cinema');
	await page.getByLabel('Amount (EUR)').fill('30');
	await page.getByLabel('By shares (2 : 1 : 1)').check();
	for (const name of ['Ana', 'Ben', 'Cleo']) await expect(page.getByLabel(`Shares for ${name}`)).toHaveValue('1');
	await expect(page.getByTestId('owes-Cleo')).toHaveText('€10.00');
	await page.getByLabel('Shares for Cleo').fill('0');
	await expect(page.getByTestId('owes-Ana')).toHaveText('€15.00');
	await expect(page.getByTestId('owes-Cleo')).toHaveText('—');
	await page.getByLabel('Shares for Ben').fill('x');
	await expect(page.getByText('Enter a share, like 1 or 2 (0 leaves them out).')).toHaveCount(1);
	await page.getByLabel('Shares for Ben').fill('2');
	await expect(page.getByText('Enter a share, like 1 or 2 (0 leaves them out).')).toHaveCount(0);
	await expect(page.getByTestId('owes-Ben')).toHaveText('€20.00');

	await page.getByLabel('Exact amounts').check();
	await page.getByLabel('Amount (EUR) for Ana').fill('10');
	await expect(page.getByTestId('left-to-assign')).toHaveText('€20.00 left to assign.');
	await page.getByLabel('Amount (EUR) for Ben').fill('25');
	await expect(page.getByTestId('left-to-assign')).toHaveText('€5.00 too much.');
});

test('a new expense in a house with a weight-0 child splits by share weight, so the child is not charged', async ({ page }) => {
	const home = await houseOfThree(page, 'Weights House');
	const householdId = home.split('/h/')[1]!;
	expect((await page.request.post(`/api/v1/households/${householdId}/members`, { data: { displayName: 'Kid', role: 'child', shareWeight: 0 } })).status()).toBe(
		201
	);
	await page.goto(`${home}/expenses/new`);
	await expect(page.getByLabel('By share weight')).toBeChecked();
	await page.getByLabel('What was it?').fill('Dinner out');
	await page.getByLabel('Amount (EUR)').fill('30');
	await expect(page.getByTestId('owes-Kid')).toHaveText('€0.00');
	await expect(page.getByTestId('owes-Ana')).toHaveText('€10.00');
});

test('settling a suggested payment is confirmed with the amount editable: a part payment leaves the rest suggested, and Undo takes it back', async ({
	page
}) => {
	const home = await houseOfThree(page, 'Part House');
	const householdId = home.split('/h/')[1]!;
	const members = (await (await page.request.get(`/api/v1/households/${householdId}/members`)).json()).items as Array<{ id: string; displayName: string }>;
	const id = (name: string) => members.find((m) => m.displayName === name)!.id;
	await page.request.post(`/api/v1/households/${householdId}/expenses`, {
		data: {
			description: 'Tickets',
			amountMinor: 4000,
			spentOn: new Date().toISOString().slice(0, 10),
			category: 'groceries',
			payers: [{ memberId: id('Ana'), amountMinor: 4000 }],
			split: { mode: 'equal', parts: [{ memberId: id('Ana') }, { memberId: id('Ben') }] }
		}
	});
	await page.goto(`${home}/balances`);
	await expect(page.getByText('Ben pays Ana €20.00')).toBeVisible();
	await page.getByText(/^Record this payment/).click();
	await expect(page.getByLabel('Amount paid (EUR)')).toHaveValue('20.00');
	await page.getByLabel('Amount paid (EUR)').fill('5');
	await page.getByRole('button', { name: 'Record it' }).click();
	await expect(page.getByText('Payment recorded.')).toBeVisible();
	await expect(page.getByText('Ben pays Ana €15.00')).toBeVisible();
	await page.getByRole('button', { name: /Undo the payment of €5.00/ }).click();
	await expect(page.getByText('Ben pays Ana €20.00')).toBeVisible();
});

test('a description longer than the limit is kept whole and the form says the limit, rather than cutting it short', async ({ page }) => {
	const home = await houseOfThree(page, 'Long House');
	await page.goto(`${home}/expenses/new`);
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
	const long = 'A very long description '.repeat(20);
	await page.getByLabel('What was it?').fill(long);
	await expect(page.getByLabel('What was it?')).toHaveValue(long);
	await expect(page.getByText(`Use at most 200 characters (this is ${long.trim().length})`)).toBeVisible();
});

test('a refused form moves focus to what needs fixing; a confirmation fades once read', async ({ page }) => {
	const home = await houseOfThree(page, 'Focus House');
	await page.goto(`${home}/balances`);
	await page.getByLabel('Who paid').selectOption({ label: 'Ben' });
	await page.getByLabel('Paid to').selectOption({ label: 'Ana' });
	await page.getByLabel(/^Amount/).fill('twelve');
	await page.getByRole('button', { name: 'Record payment' }).click();
	await expect(page.getByLabel(/^Amount/)).toBeFocused();
	await expect(page.getByLabel(/^Amount/)).toHaveValue('twelve');
	await page.getByLabel(/^Amount/).fill('12');
	await page.getByRole('button', { name: 'Record payment' }).click();
	const confirmation = page.getByRole('status').filter({ hasText: 'Payment recorded.' });
	await expect(confirmation).toBeVisible();
	// Read, then out of the way (it stays in the page for screen readers, which announced it).
	await expect(confirmation).toBeHidden({ timeout: 8_000 });
});

test('the house’s defaults: how a new expense is split, each payer’s last way remembered, and what a new child starts with', async ({ page }) => {
	const home = await houseOfThree(page, 'Defaults House');
	await page.goto(`${home}/settings`);
	const defaults = page.getByRole('form', { name: 'Defaults for new entries' });
	await defaults.getByLabel('A new expense is split').selectOption({ label: 'Equally' });
	await defaults.getByLabel('Share weight of a new child').fill('0.25');
	await defaults.getByRole('button', { name: 'Save the defaults' }).click();
	await expect(defaults.getByRole('status')).toHaveText('Saved.');

	// A new child starts with the house's preset.
	await addMemberByForm(page, home, 'Pip', 'child', '0.25');

	// Weights now differ, but the house chose "equally".
	await page.goto(`${home}/expenses/new`);
	await expect(page.getByLabel('Equally')).toBeChecked();
	await page.getByLabel('What was it?').fill('Cinema');
	await page.getByLabel('Amount (EUR)').fill('40');
	await page.getByLabel('By shares (2 : 1 : 1)').check();
	await page.getByRole('button', { name: 'Save expense' }).click();
	await expect(page.getByRole('heading', { name: 'Cinema' })).toBeVisible();

	// Ana split her last one by shares: her next starts that way; Ben's starts with the house's default.
	await page.goto(`${home}/expenses/new`);
	await expect(page.getByLabel('By shares (2 : 1 : 1)')).toBeChecked();
	await page.getByLabel('Paid by').selectOption({ label: 'Ben' });
	await expect(page.getByLabel('Equally')).toBeChecked();
	await page.getByLabel('Paid by').selectOption({ label: 'Ana' });
	await expect(page.getByLabel('By shares (2 : 1 : 1)')).toBeChecked();
});
