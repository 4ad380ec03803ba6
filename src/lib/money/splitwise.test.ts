import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planSplitwiseImport, readSplitwise } from './splitwise';

const header = ['Date', 'Description', 'Category', 'Cost', 'Currency', 'Ana', 'Ben', 'Cleo'];

describe('reading a Splitwise export', () => {
	it('reads expenses and payments, skipping the total line and empty lines', () => {
		const read = readSplitwise(
			[
				header,
				['2024-01-05', 'Groceries', 'Groceries', '60.00', 'EUR', '40.00', '-20.00', '-20.00'],
				['', '', '', '', '', '', '', ''],
				['2024-01-10', 'Ben paid Ana', 'Payment', '20.00', 'EUR', '-20.00', '20.00', '0.00'],
				['2024-01-31', 'Total balance', ' ', ' ', 'EUR', '20.00', '0.00', '-20.00']
			],
			'EUR'
		);
		expect(read).toMatchObject({
			ok: true,
			file: {
				people: ['Ana', 'Ben', 'Cleo'],
				rows: [
					{ line: 2, costMinor: 6000, nets: [4000, -2000, -2000], isPayment: false },
					{ line: 4, isPayment: true }
				]
			}
		});
	});

	it.each([
		[
			[
				['Name', 'Amount'],
				['x', '1']
			],
			/does not look like a Splitwise export/
		],
		[[header, ['05/01/2024', 'Food', 'General', '10.00', 'EUR', '10.00', '-5.00', '-5.00']], /Line 2: “05\/01\/2024” is not a date/],
		[[header, ['2024-01-05', 'Food', 'General', '10.00', 'USD', '10.00', '-5.00', '-5.00']], /Line 2 is in USD/],
		[[header, ['2024-01-05', 'Food', 'General', '10.00', 'EUR', '10.00', '-5.00', '-4.00']], /adds up to 100/],
		[[header, ['2024-01-05', 'Food', 'General', 'ten', 'EUR', '10.00', '-5.00', '-5.00']], /the cost “ten”/],
		[[header, ['2024-01-05', 'Food', 'General', '10.00', 'EUR', '10.00', '-5.00']], /has 7 columns/],
		[[header, ['2024-01-05', 'Food', 'General', '5.00', 'EUR', '10.00', '-5.00', '-5.00']], /more money changes hands/],
		[[header], /no expenses/],
		[[header, ['2026-02-30', 'Food', 'General', '10.00', 'EUR', '10.00', '-5.00', '-5.00']], /Line 2: “2026-02-30” is not a date/],
		[[header, ['1900-01-05', 'Food', 'General', '10.00', 'EUR', '10.00', '-5.00', '-5.00']], /Line 2: “1900-01-05” is not a date/],
		[[header, ['9999-01-05', 'Food', 'General', '10.00', 'EUR', '10.00', '-5.00', '-5.00']], /Line 2: “9999-01-05” is not a date/]
	])('refuses %j with a clear message', (records, message) => {
		const read = readSplitwise(records, 'EUR');
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.message).toMatch(message);
	});
});

describe('planning the import', () => {
	it('turns one payer into the payer of the whole cost, and several into payers of their net plus an equal share', () => {
		const read = readSplitwise(
			[
				header,
				['2024-01-05', 'Groceries', 'Groceries', '60.00', 'EUR', '40.00', '-20.00', '-20.00'],
				['2024-01-06', 'Dinner', 'Dining out', '90.00', 'EUR', '20.00', '10.00', '-30.00']
			],
			'EUR'
		);
		if (!read.ok) throw new Error(read.message);
		const plan = planSplitwiseImport(read.file, ['a', 'b', 'c']);
		expect(plan.expenses[0]).toMatchObject({ amountMinor: 6000, payers: [{ memberId: 'a', amountMinor: 6000 }] });
		expect(plan.expenses[0]!.shares).toEqual([
			{ memberId: 'a', amountMinor: 2000 },
			{ memberId: 'b', amountMinor: 2000 },
			{ memberId: 'c', amountMinor: 2000 }
		]);
		expect(plan.expenses[1]!.payers).toEqual([
			{ memberId: 'a', amountMinor: 5000 },
			{ memberId: 'b', amountMinor: 4000 }
		]);
	});

	it('keeps every mapped member’s balance exactly as in the file, whatever the rows and the mapping', () => {
		const net = fc.integer({ min: -50_000, max: 50_000 });
		const row = fc.tuple(net, net, fc.integer({ min: 0, max: 20_000 }));
		fc.assert(
			fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 3, maxLength: 3 }), (raw, mapping) => {
				const records = [header];
				for (const [x, y, extra] of raw) {
					const nets = [x, y, -(x + y)];
					const cost = nets.filter((n) => n > 0).reduce((s, n) => s + n, 0) + extra;
					if (cost === 0) continue;
					records.push(['2024-02-01', 'Thing', 'General', (cost / 100).toFixed(2), 'EUR', ...nets.map((n) => (n / 100).toFixed(2))]);
				}
				const read = readSplitwise(records, 'EUR');
				if (!read.ok) return read.message.includes('no expenses');
				const plan = planSplitwiseImport(read.file, mapping);
				const balance = new Map<string, number>();
				const add = (id: string, amount: number) => balance.set(id, (balance.get(id) ?? 0) + amount);
				for (const e of plan.expenses) {
					expect(e.payers.reduce((s, p) => s + p.amountMinor, 0)).toBe(e.amountMinor);
					expect(e.shares.reduce((s, p) => s + p.amountMinor, 0)).toBe(e.amountMinor);
					e.payers.forEach((p) => add(p.memberId, p.amountMinor));
					e.shares.forEach((s) => add(s.memberId, -s.amountMinor));
				}
				for (const p of plan.payments) {
					add(p.fromMemberId, p.amountMinor);
					add(p.toMemberId, -p.amountMinor);
				}
				for (const member of ['a', 'b', 'c']) expect(balance.get(member) ?? 0).toBe(plan.nets.get(member) ?? 0);
				return true;
			})
		);
	});
});
