import { expect, test } from '@playwright/test';
import { createHousehold, joinThroughInvite, PASSWORD, signUp, uniqueEmail } from './helpers';

test('a household is founded, grows by an account-less member, and an invited adult joins', async ({ page, browser }) => {
	// Two browsers through a whole journey: on a busy two-core machine this takes more than the default 30 s.
	test.slow();
	await signUp(page, 'Priya');
	const home = await createHousehold(page, 'Birch Court');
	await expect(page.getByRole('heading', { name: 'Welcome to Birch Court' })).toBeVisible();

	// A child who will never log in.
	await page.getByRole('navigation', { name: 'Household' }).getByRole('link', { name: 'Members' }).click();
	await page.getByLabel('Name').fill('Leo');
	await page.getByLabel('Role').selectOption('child');
	// The role's preset fills the parts (child: 0 and 0.5); they stay editable.
	await expect(page.getByLabel('Share weight')).toHaveValue('0');
	await expect(page.getByLabel('Chore capacity')).toHaveValue('0.5');
	await page.getByLabel('Chore capacity').fill('0,25');
	await page.getByRole('button', { name: 'Add member' }).click();
	// Back on the list, ready for the next one.
	await expect(page.getByText('Added Leo.')).toBeVisible();
	await expect(page.getByLabel('Name')).toHaveValue('');
	// The same name again is a warning, not a second Leo by accident.
	await page.getByLabel('Name').fill('Leo');
	await page.getByRole('button', { name: 'Add member' }).click();
	await expect(page.getByText(/There is already a Leo here/).first()).toBeVisible();
	await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Leo');
	await expect(page.getByLabel('Add them anyway (two people of the same name)')).toBeVisible();
	await page.getByRole('navigation', { name: 'Household' }).getByRole('link', { name: 'Members' }).click();
	await page.getByRole('link', { name: 'Leo' }).click();
	await expect(page.getByRole('heading', { name: 'Leo' })).toBeVisible();
	await expect(page.getByText('child · no login · share weight 0 · chore capacity 0.25')).toBeVisible();

	// An invite link for another adult.
	await page.getByRole('navigation', { name: 'Household' }).getByRole('link', { name: 'Invites' }).click();
	await page.getByRole('button', { name: 'Make link' }).click();
	const inviteUrl = await page.getByLabel('Invite link (shown once — copy it now)').inputValue();
	expect(inviteUrl).toMatch(/\/invite\/[a-z2-7]{32}$/);

	// Someone else, in their own browser, signs up through it.
	const other = await browser.newContext();
	const daniel = await other.newPage();
	await daniel.goto(inviteUrl);
	await expect(daniel.getByRole('heading', { name: 'Join Birch Court' })).toBeVisible();
	await daniel.getByRole('link', { name: 'Create an account' }).click();
	await daniel.getByLabel('Your name').fill('Daniel');
	await daniel.getByLabel('Email').fill(uniqueEmail('daniel'));
	await daniel.getByLabel('Password').fill(PASSWORD);
	await daniel.getByRole('button', { name: 'Create account' }).click();
	await expect(daniel).toHaveURL(/\/invite\//);
	await daniel.getByRole('button', { name: 'Join Birch Court' }).click();
	await expect(daniel).toHaveURL(home);
	await expect(daniel.getByRole('heading', { name: 'Who lives here' })).toBeVisible();
	const members = daniel.getByRole('region', { name: 'Who lives here' });
	await expect(members.getByRole('link', { name: 'Daniel' })).toBeVisible();
	await expect(members.getByRole('link', { name: 'Leo' })).toBeVisible();
	await expect(members.getByRole('link', { name: 'Priya' })).toBeVisible();
	await expect(daniel.getByText('Daniel joined the household as adult.')).toBeVisible();

	// The link was for one person: it now says so.
	const third = await browser.newContext();
	const late = await third.newPage();
	await late.goto(inviteUrl);
	await expect(late.getByRole('alert')).toContainText('already been used');
	await other.close();
	await third.close();
});

test('a wrong password shows an error and keeps the email', async ({ page }) => {
	const email = await signUp(page, 'Kim');
	await page.getByRole('button', { name: 'Log out' }).click();
	await expect(page).toHaveURL(/\/login$/);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('not my password');
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page.getByText('That email and password do not match an account.')).toBeVisible();
	await expect(page.getByLabel('Email')).toHaveValue(email);
});

test('a user of another household gets 404 on this household’s pages', async ({ page, browser }) => {
	// Two browsers through a whole journey: on a busy two-core machine this takes more than the default 30 s.
	test.slow();
	await signUp(page, 'Owner');
	const home = await createHousehold(page, 'Private House');

	const context = await browser.newContext();
	const stranger = await context.newPage();
	await signUp(stranger, 'Stranger');
	await createHousehold(stranger, 'Stranger House');
	for (const path of ['', '/members', '/settings', '/activity', '/invites']) {
		const response = await stranger.goto(`${home}${path}`);
		expect(response?.status(), path).toBe(404);
		await expect(stranger.getByRole('heading', { name: 'Not found' })).toBeVisible();
	}
	await context.close();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('sign up, start a household and see a field message, all as plain forms', async ({ page }) => {
		await signUp(page, 'Nojs');
		await expect(page).toHaveURL(/\/households\/new$/);
		await page.getByLabel('Name').fill('   ');
		await page.getByRole('button', { name: 'Create household' }).click();
		await expect(page.getByText('Name the household.')).toBeVisible();
		await page.getByLabel('Name').fill('Plain House');
		await page.getByRole('button', { name: 'Create household' }).click();
		await expect(page).toHaveURL(/\/h\/[0-9a-f-]{36}$/);
		await expect(page.getByRole('heading', { name: 'Welcome to Plain House' })).toBeVisible();
	});

	test('a wrong password comes back as a message; the page keeps the email, never the password', async ({ page }) => {
		const email = await signUp(page, 'Nojs');
		await page.getByRole('button', { name: 'Log out' }).click();
		await page.getByLabel('Email').fill(email);
		await page.getByLabel('Password').fill('not my password');
		await page.getByRole('button', { name: 'Log in' }).click();
		await expect(page.getByText('That email and password do not match an account.')).toBeVisible();
		await expect(page.getByLabel('Email')).toHaveValue(email);
		await expect(page.getByLabel('Password')).toHaveValue('');
		expect(await page.content()).not.toContain('not my password');
	});
});

test('an invite link has a Copy button that puts it on the clipboard', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await signUp(page, 'Copier');
	await createHousehold(page, 'Copy House');
	await page.getByRole('navigation', { name: 'Household' }).getByRole('link', { name: 'Invites' }).click();
	await page.getByRole('button', { name: 'Make link' }).click();
	const link = await page.getByLabel('Invite link (shown once — copy it now)').inputValue();
	await page.getByRole('button', { name: 'Copy' }).click();
	await expect(page.getByText('Copied.')).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
});

test('an invite can be sent by email; a mistyped address is said next to the field and kept', async ({ page }) => {
	await signUp(page, 'Sender');
	await createHousehold(page, 'Post House');
	await page.getByRole('navigation', { name: 'Household' }).getByRole('link', { name: 'Invites' }).click();
	await page.getByLabel('Also email it to (optional)').fill('oma at family');
	await page.getByRole('button', { name: 'Make link' }).click();
	await expect(page.getByLabel('Also email it to (optional)')).toHaveValue('oma at family');
	await expect(page.getByLabel('Also email it to (optional)')).toBeFocused();
	await expect(page.getByLabel('Invite link (shown once — copy it now)')).toHaveCount(0);
	await page.getByLabel('Also email it to (optional)').fill('oma@family.example');
	await page.getByRole('button', { name: 'Make link' }).click();
	await expect(page.getByText('Sent to oma@family.example.')).toBeVisible();
	await expect(page.getByLabel('Invite link (shown once — copy it now)')).toHaveValue(/\/invite\/[a-z2-7]{32}$/);
});

test('the welcome page shows the three journeys and "Try the demo" opens a lived-in house of the visitor’s own', async ({ page, browser }) => {
	// Two browsers through a whole journey: on a busy two-core machine this takes more than the default 30 s.
	test.slow();
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Share a home on purpose' })).toBeVisible();
	for (const caption of ['Split the bills', 'Decide together', 'Share the chores']) await expect(page.getByText(caption)).toBeVisible();
	await page.goto('/login');
	await expect(page.getByText('maple-street')).toHaveCount(0);
	await page.goto('/');
	await page.getByRole('button', { name: 'Try the demo' }).click();
	await expect(page).toHaveURL(/\/h\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('complementary', { name: 'Demo' })).toContainText('A demo house of your own');
	const mine = page.url();
	// Months of history at the times things happened, not the minute it was made.
	await page.goto(`${mine}/activity`);
	const days = await page.locator('main time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!.slice(0, 10)));
	expect(days.length).toBeGreaterThan(10);
	expect(new Set(days).size).toBeGreaterThan(3);
	// Another visitor gets another house: changes in one are not seen in the other.
	const other = await browser.newPage();
	await other.goto('/');
	await other.getByRole('button', { name: 'Try the demo' }).click();
	await expect(other).toHaveURL(/\/h\/[0-9a-f-]{36}$/);
	expect(other.url()).not.toBe(mine);
	await other.close();
	await page.getByRole('button', { name: 'Leave the demo' }).click();
	await expect(page).toHaveURL(/\/login$/);
});

test('Home says what others did since my last visit, not what I did, until I have seen it', async ({ page, browser }) => {
	// Two browsers through a whole journey: on a busy two-core machine this takes more than the default 30 s.
	test.slow();
	await signUp(page, 'Amara');
	const home = await createHousehold(page, 'Lantern House');
	// A first visit has no news: everything would be new.
	await expect(page.getByRole('region', { name: 'Since your last visit' })).toHaveCount(0);
	await page.getByRole('navigation', { name: 'Household' }).getByRole('link', { name: 'Invites' }).click();
	await page.getByRole('button', { name: 'Make link' }).click();
	const inviteUrl = await page.getByLabel('Invite link (shown once — copy it now)').inputValue();

	const other = await browser.newContext();
	const tomas = await other.newPage();
	await joinThroughInvite(tomas, inviteUrl, 'Tomas');
	await expect(tomas).toHaveURL(home);
	await other.close();

	await page.goto(home);
	const news = page.getByRole('region', { name: 'Since your last visit' });
	await expect(news).toContainText('Tomas joined the household as adult.');
	// Amara's own invite link is not news to her.
	await expect(news).not.toContainText('Amara');
	await news.getByRole('button', { name: 'Got it' }).click();
	await expect(news).toHaveCount(0);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Money' })).toBeVisible();
	await expect(news).toHaveCount(0);
});
