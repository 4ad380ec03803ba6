import { describe, expect, it } from 'vitest';
import { leftToAssign, readExpenseForm, type ExpenseFormFields } from './expense-form';

const fields = (over: Partial<ExpenseFormFields>): ExpenseFormFields => ({
	description: 'Cinema',
	amount: '30',
	spentOn: '2026-11-30',
	category: 'fun',
	notes: '',
	payerMode: 'single',
	paidBy: 'a',
	paid: {},
	splitMode: 'shares',
	included: ['a', 'b', 'c'],
	values: { a: '1', b: '2', c: '0' },
	...over
});

describe('the expense form', () => {
	it('reads a share of 0 as "not in this one", and no shares at all as a clear message', () => {
		expect(readExpenseForm(fields({}), 'EUR').draft?.split.parts).toEqual([
			{ memberId: 'a', value: 1 },
			{ memberId: 'b', value: 2 }
		]);
		expect(readExpenseForm(fields({ values: { a: '0', b: '0', c: '0' } }), 'EUR').errors.split).toBe('Give at least one person a share.');
		expect(readExpenseForm(fields({ values: { a: '1', b: 'x', c: '1' } }), 'EUR').errors).toEqual({
			value_b: 'Enter a share, like 1 or 2 (0 leaves them out).'
		});
	});

	it('says what is left to assign for exact amounts and percentages', () => {
		expect(leftToAssign(fields({ splitMode: 'exact', values: { a: '10', b: '', c: '5.50' } }), 'EUR')).toBe('€14.50 left to assign');
		expect(leftToAssign(fields({ splitMode: 'exact', values: { a: '20', b: '15', c: '' } }), 'EUR')).toBe('€5.00 too much');
		expect(leftToAssign(fields({ splitMode: 'exact', values: { a: '10', b: '10', c: '10' } }), 'EUR')).toBeNull();
		expect(leftToAssign(fields({ splitMode: 'percent', values: { a: '50', b: '25', c: '' } }), 'EUR')).toBe('25% left to assign');
		expect(leftToAssign(fields({ splitMode: 'shares' }), 'EUR')).toBeNull();
	});
});

describe('a long description', () => {
	it('is refused with the limit and its length, not cut short', () => {
		const long = 'x'.repeat(10_000);
		expect(readExpenseForm(fields({ description: long, splitMode: 'equal' }), 'EUR').errors.description).toBe(
			'Use at most 200 characters (this is 10000); the rest can go in the notes.'
		);
	});
});
