import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDb } from '$lib/server/db';
import { inLocale } from '$lib/server/i18n';
import { createExpense } from '$lib/server/money/expenses';
import { recordSettlement } from '$lib/server/money/balances';
import { makeHouseOfThree, makeHousehold, makeMember } from '../testing/factories';
import { listActivity } from './log';
import { activitySentence, TOLD_ACTIONS } from './sentences';

/** Every `action: '…'` the domain code writes to the log (the chore and recurring actions built from a kind are checked by name). */
function writtenActions(): string[] {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.includes('/api/spec/')) files.push(path);
		}
	};
	walk('src/lib/server');
	const actions = new Set<string>();
	for (const file of files) {
		const source = readFileSync(file, 'utf8');
		for (const line of source.split('\n').filter((l) => /^\s*action: /.test(l))) {
			for (const match of line.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) actions.add(match[1]!);
		}
	}
	return [...actions].sort();
}

describe('the activity feed’s sentences', () => {
	it('can tell every action the code writes to the log', () => {
		const written = writtenActions();
		expect(written.length).toBeGreaterThan(30);
		expect(written.filter((action) => !TOLD_ACTIONS.has(action))).toEqual([]);
		for (const action of ['chore.done', 'chore.reopened', 'chore.skipped', 'chore.reassigned', 'recurring.ended', 'recurring.paused', 'recurring.resumed']) {
			expect(TOLD_ACTIONS.has(action), action).toBe(true);
		}
	});

	it('tells one entry in each reader’s language, with their dates and money', () => {
		const facts = { actor: 'Rosa', description: 'Groceries', amountMinor: 123456, currency: 'EUR', spentOn: '2026-12-01' };
		const euros = (tag: string) => new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' }).format(1234.56);
		expect(activitySentence('expense.created', facts, { locale: 'en', formatLocale: 'en-GB' })).toBe('Rosa added “Groceries” (€1,234.56).');
		expect(activitySentence('expense.created', facts, { locale: 'de', formatLocale: 'de-DE' })).toBe(`Rosa hat „Groceries“ eingetragen (${euros('de-DE')}).`);
		expect(activitySentence('expense.created', facts, { locale: 'pl', formatLocale: 'pl-PL' })).toBe(`Rosa dodał(a) „Groceries” (${euros('pl-PL')}).`);
		const skipped = { actor: 'Leo', chore: 'Bins', dueOn: '2026-12-01', reason: 'ill' };
		expect(activitySentence('chore.skipped', skipped, { locale: 'ar', formatLocale: 'ar-EG' })).toBe(
			`تخطّى Leo «Bins» (${new Intl.DateTimeFormat('ar-EG', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2026, 11, 1))}): ill`
		);
		const invite = { actor: 'Ana', role: 'youth', uses: 3 };
		expect(activitySentence('invite.created', invite, { locale: 'en', formatLocale: 'en-GB' })).toBe(
			'Ana made an invite link for a new member (youth, 3 uses).'
		);
		expect(activitySentence('invite.created', { ...invite, uses: 2 }, { locale: 'pl', formatLocale: 'pl-PL' })).toBe(
			'Ana utworzył(a) link z zaproszeniem dla nowej osoby (nastolatek, 2 użycia).'
		);
	});

	it('leaves an entry it cannot tell (no facts, an unknown action, facts of the wrong shape) to its stored sentence', () => {
		const telling = { locale: 'de', formatLocale: 'de-DE' } as const;
		expect(activitySentence('expense.created', null, telling)).toBeNull();
		expect(activitySentence('expense.created', ['x'], telling)).toBeNull();
		expect(activitySentence('something.new', { actor: 'Rosa' }, telling)).toBeNull();
		expect(activitySentence('proposal.closed', { title: 'x', proposal: 'not an object' }, telling)).toBeNull();
		// Odd values read as text or nothing, never as markup or an exception.
		expect(activitySentence('chore.created', { actor: { evil: true }, chore: 5 }, telling)).toBe(' hat die Aufgabe „5“ hinzugefügt.');
	});
});

describe('the activity log', () => {
	it('stores the English sentence and the facts, and reads each entry in the reader’s language', async () => {
		const { admin: house, bea } = await makeHouseOfThree('Feed House');
		const a = house.member;
		const b = bea.member;
		await createExpense(house, {
			description: 'Brot',
			amountMinor: 250050,
			spentOn: '2026-12-01',
			category: 'groceries',
			payers: [{ memberId: a.id, amountMinor: 250050 }],
			split: { mode: 'equal', parts: [{ memberId: a.id }, { memberId: b.id }] }
		});
		await recordSettlement(bea, { fromMemberId: b.id, toMemberId: a.id, amountMinor: 1000, paidOn: '2026-12-02' });
		const stored = await getDb()
			.selectFrom('activity')
			.select(['action', 'summary', 'facts'])
			.where('householdId', '=', house.household.id)
			.where('action', '=', 'expense.created')
			.executeTakeFirstOrThrow();
		expect(stored.summary).toBe(`${house.member.displayName} added “Brot” (€2,500.50).`);
		expect(stored.facts).toMatchObject({ description: 'Brot', amountMinor: 250050, currency: 'EUR' });

		// In Austria the euro sign comes first: the reader's region formats the amounts.
		const austrian = (amount: number) => new Intl.NumberFormat('de-AT', { style: 'currency', currency: 'EUR' }).format(amount);
		const german = await inLocale('de', () => listActivity(house.household.id), 'de-AT');
		expect(german.map((item) => item.summary).slice(0, 2)).toEqual([
			`${b.displayName} hat ${a.displayName} ${austrian(10)} gezahlt.`,
			`${house.member.displayName} hat „Brot“ eingetragen (${austrian(2500.5)}).`
		]);
		expect(austrian(10)).toMatch(/^€/);
		const english = await listActivity(house.household.id);
		expect(english[1]!.summary).toBe(stored.summary);
	});

	it('shows an entry written before facts were kept as it was written', async () => {
		const house = await makeHousehold('Old Feed House');
		await getDb()
			.insertInto('activity')
			.values({ householdId: house.household.id, actorMemberId: house.member.id, action: 'member.added', subjectType: 'member', summary: 'An old sentence.' })
			.execute();
		await makeMember(house, 'Mia', 'child');
		const items = await inLocale('de', () => listActivity(house.household.id));
		expect(items.map((item) => item.summary)).toEqual([`${house.member.displayName} hat Mia hinzugefügt (Kind).`, 'An old sentence.', expect.any(String)]);
	});
});
