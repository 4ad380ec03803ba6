/**
 * The three journeys people come for, as a new user, on a phone (390 × 844, touch) and on
 * a desktop (1280 × 800): found a house with a child who has no login, invite an adult,
 * split a bill by shares with a 0, settle up, vote ranked the moment the page opens,
 * close and read the winner, and make a chore whose overdue turn shows in the week view,
 * then mark it done. Each key screen is saved under test-results/ for anyone to look at.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { addMemberByForm, createHousehold, holdScripts, hydrated, joinThroughInvite, signUp } from './helpers';

const sizes = [
	{ name: 'phone', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
	{ name: 'desktop', viewport: { width: 1280, height: 800 }, hasTouch: false, isMobile: false }
] as const;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
	// Nothing wider than the screen, on any screen the journey passes.
	expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(page.viewportSize()!.width);
	await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });
}

for (const size of sizes) {
	test.describe(`on a ${size.name}`, () => {
		test.use({ viewport: size.viewport, hasTouch: size.hasTouch, isMobile: size.isMobile });

		test('a new house splits a bill by shares, settles up, decides by ranked vote and shares a chore', async ({ page, browser }, info) => {
			test.setTimeout(90_000);
			// The house: Ana founds it, Leo (a child, no login, share weight 0) joins it.
			await signUp(page, 'Ana');
			const home = await createHousehold(page, `Journey House ${size.name}`);
			const householdId = home.split('/h/')[1]!;
			await addMemberByForm(page, home, 'Leo', 'child', '0');

			// Ben is invited and joins from his own phone.
			await page.goto(`${home}/invites`);
			await page.getByRole('button', { name: 'Make link' }).click();
			const inviteUrl = await page.getByLabel('Invite link (shown once — copy it now)').inputValue();
			const bensPhone = await browser.newContext({ viewport: size.viewport, hasTouch: size.hasTouch, isMobile: size.isMobile });
			const ben = await bensPhone.newPage();
			await joinThroughInvite(ben, inviteUrl, 'Ben');
			await expect(ben).toHaveURL(home);
			await shot(ben, info, '01-ben-joined-home');

			// A bill by shares, Leo's 0 leaving him out: 90.00 is 60.00 for Ana and 30.00 for Ben.
			await page.goto(`${home}/expenses/new`);
			await hydrated(page);
			await page.getByLabel('What was it?').fill('Groceries');
			await page.getByLabel('Amount (EUR)').fill('90');
			await page.getByLabel('By shares (2 : 1 : 1)').check();
			await page.getByLabel('Shares for Ana').fill('2');
			await page.getByLabel('Shares for Leo').fill('0');
			await expect(page.getByTestId('owes-Ana')).toHaveText('€60.00');
			await expect(page.getByTestId('owes-Ben')).toHaveText('€30.00');
			await expect(page.getByTestId('owes-Leo')).toHaveText('—');
			await shot(page, info, '02-bill-by-shares');
			await page.getByRole('button', { name: 'Save expense' }).click();
			await expect(page.getByRole('heading', { name: 'Groceries' })).toBeVisible();

			// Settling up: the suggested payment, confirmed with its amount.
			await ben.goto(`${home}/balances`);
			await expect(ben.getByText('You owe €30.00.')).toBeVisible();
			await expect(ben.getByText('Ben pays Ana €30.00')).toBeVisible();
			await shot(ben, info, '03-balances-before');
			await ben.getByText(/^Record this payment/).click();
			await expect(ben.getByLabel('Amount paid (EUR)')).toHaveValue('30.00');
			await ben.getByRole('button', { name: 'Record it' }).click();
			await expect(ben.getByText('Payment recorded.')).toBeVisible();
			await expect(ben.getByText('You are settled up.')).toBeVisible();
			await shot(ben, info, '04-settled');

			// A ranked vote: Ana ranks the moment the page opens (before its scripts run); Ben taps his order.
			const created = await page.request.post(`/api/v1/households/${householdId}/proposals`, {
				data: {
					title: 'Film night',
					kind: 'ranked',
					options: ['Comedy', 'Drama', 'Horror'],
					rule: { threshold: 'majority', quorumPct: 50, voterClass: 'adults' },
					closesAt: new Date(Date.now() + 86_400_000).toISOString()
				}
			});
			const proposal = `${home}/proposals/${((await created.json()) as { id: string }).id}`;
			const release = await holdScripts(page);
			await page.goto(proposal, { waitUntil: 'commit' });
			await page.getByLabel('Drama').fill('1');
			await page.getByLabel('Comedy').fill('2');
			release();
			await hydrated(page);
			await page.unrouteAll({ behavior: 'ignoreErrors' });
			await expect(page.getByTestId('me-ranked')).toHaveText('You ranked: Drama › Comedy');
			await shot(page, info, '05-ranked-ballot');
			await page.getByRole('button', { name: 'Vote' }).click();
			await expect(page.getByTestId('voter-Ana')).toContainText('ranks Drama › Comedy');
			await ben.goto(proposal);
			await hydrated(ben);
			await ben.getByRole('button', { name: 'Rank Drama 1' }).click();
			await ben.getByRole('button', { name: 'Rank Horror 2' }).click();
			await expect(ben.getByTestId('me-ranked')).toHaveText('You ranked: Drama › Horror');
			await ben.getByRole('button', { name: 'Vote' }).click();
			// Both adults voted: it closes at once, and says the winner first.
			await expect(ben.getByTestId('proposal-status')).toHaveText('Chosen: Drama');
			await page.reload();
			await expect(page.getByTestId('proposal-status')).toHaveText('Chosen: Drama');
			await shot(page, info, '06-winner');

			// A chore for Ana since three days ago: its first turns are overdue, first in the week view.
			await page.goto(`${home}/chores/new`);
			await hydrated(page);
			await page.getByLabel('Chore', { exact: true }).fill('Water the plants');
			await page.getByLabel('Every N days').check();
			await page.getByLabel('Starts on').fill(day(-3));
			await page.getByLabel('Always the first person').check();
			await page.getByLabel('Ana', { exact: true }).fill('1');
			await page.getByRole('button', { name: 'Add chore' }).click();
			await expect(page.getByText('Added “Water the plants”.')).toBeVisible();
			await page.goto(`${home}/chores?view=week&date=${day(0)}`);
			const overdue = page.getByTestId(`occurrence-Water the plants-${day(-1)}`);
			await expect(overdue).toContainText('overdue');
			await shot(page, info, '07-week-with-overdue');
			await overdue.getByRole('button', { name: /^Done/ }).click();
			await expect(page.getByTestId(`occurrence-Water the plants-${day(-1)}`)).toContainText('done');
			await shot(page, info, '08-done');
			await bensPhone.close();
		});
	});
}
