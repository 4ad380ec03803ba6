import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { getDb } from '../db';
import { makeHousehold } from '../testing/factories';
import { insertExpense } from './expenses';
import { balancesFromHistory, getBalances } from './balances';
import { sumExpenses } from './expense-queries';
import type { ExpenseInput } from './schemas';

const stripeOf = async (trx: typeof getDb extends () => infer D ? D : never) =>
	Number((await sql<{ stripe: number }>`select (txid_current() % 8)::int as stripe`.execute(trx)).rows[0]!.stripe);

describe('the kept balances and totals have no hot row (migration 19)', () => {
	it('a second writer of the same house and payer does not wait for the first to commit, and both count', async () => {
		const house = await makeHousehold('Busy House');
		const me = house.member.id;
		const lunch = (amountMinor: number): ExpenseInput => ({
			description: 'Lunch',
			amountMinor,
			spentOn: '2026-11-30',
			category: 'groceries',
			payers: [{ memberId: me, amountMinor }],
			split: { mode: 'equal', parts: [{ memberId: me }] }
		});
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		let written!: (stripe: number) => void;
		const firstWrote = new Promise<number>((resolve) => (written = resolve));
		const first = getDb()
			.transaction()
			.execute(async (trx) => {
				await insertExpense(trx, house, lunch(1000), crypto.randomUUID());
				written(await stripeOf(trx));
				await held;
			});
		const firstStripe = await firstWrote;
		try {
			// Another transaction on another stripe (a new transaction id until it is one): with
			// one totals row per house it waited for the first and ran into the lock timeout.
			for (let attempt = 0; ; attempt++) {
				const done = await getDb()
					.transaction()
					.execute(async (trx) => {
						if ((await stripeOf(trx)) === firstStripe) return false;
						await sql`set local lock_timeout = '2s'`.execute(trx);
						await insertExpense(trx, house, lunch(500), crypto.randomUUID());
						return true;
					});
				if (done || attempt > 50) break;
			}
		} finally {
			release();
			await first;
		}
		expect(await sumExpenses(house.household.id, {})).toEqual({ count: 2, totalMinor: 1500 });
		const rows = await getDb().selectFrom('householdExpenseTotals').select('stripe').where('householdId', '=', house.household.id).execute();
		expect(rows.length).toBe(2);
		// Paid 1 500 and shared 1 500 alone: zero, as the whole history says.
		expect((await getBalances(house.household.id)).balances).toEqual([{ memberId: me, netMinor: 0 }]);
		expect(await balancesFromHistory(house.household.id)).toEqual(new Map([[me, 0]]));
	});
});
