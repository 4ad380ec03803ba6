import { z } from 'zod';
import { MAX_AMOUNT_MINOR, parseAmount } from '$lib/money/format';
import { calendarDate, freeText, singleLineText } from '$lib/server/validation';
import { SPLIT_MODES } from '$lib/money/splits';

export const amountMinorField = z
	.number({ error: 'Give the amount in minor units (cents) as a whole number.' })
	.int('Give the amount in minor units (cents) as a whole number.')
	.min(1, 'The amount must be above zero.')
	.max(MAX_AMOUNT_MINOR, 'That amount is too large.');

const memberIdField = z.uuid({ error: 'Choose a member of the household.' });

export const splitInput = z
	.object({
		mode: z.enum(SPLIT_MODES, { error: 'Choose how to split: equal, exact, percent, shares or weights.' }),
		parts: z
			.array(z.object({ memberId: memberIdField, value: z.number({ error: 'Give the value as a number.' }).finite().optional() }), {
				error: 'List who shares the cost.'
			})
			.min(1, 'Choose at least one person to share the cost.')
			.max(200, 'At most 200 people.')
	})
	.meta({ id: 'SplitInput' });

export const expenseInput = z
	.object({
		description: singleLineText('Describe the expense.', 200),
		amountMinor: amountMinorField,
		spentOn: calendarDate('expense'),
		category: z.string({ error: 'Choose a category.' }).trim().min(1, 'Choose a category.').max(40, 'Choose a category.'),
		notes: freeText(2000).optional(),
		payers: z
			.array(z.object({ memberId: memberIdField, amountMinor: amountMinorField }), { error: 'Say who paid.' })
			.min(1, 'Say who paid.')
			.max(50, 'At most 50 payers.'),
		split: splitInput
	})
	.meta({ id: 'ExpenseInput' });

export const expensePatch = expenseInput
	.partial()
	.extend({ version: z.number({ error: 'Send the version you edited.' }).int().min(1) })
	.meta({ id: 'ExpensePatch' });

export const settlementInput = z
	.object({
		fromMemberId: memberIdField,
		toMemberId: memberIdField,
		amountMinor: amountMinorField,
		paidOn: calendarDate('payment').optional(),
		note: freeText(500).trim().optional()
	})
	.refine((s) => s.fromMemberId !== s.toMemberId, { path: ['toMemberId'], message: 'Someone cannot pay themselves.' })
	.meta({ id: 'SettlementInput' });

export type ExpenseInput = z.infer<typeof expenseInput>;
export type ExpensePatch = z.infer<typeof expensePatch>;
export type SettlementInput = z.infer<typeof settlementInput>;

/** Where a page of the expense list ends (inside the `after` cursor), for the page and the API alike. */
export const expensePosition = z.object({ spentOn: calendarDate('spent'), createdAt: z.iso.datetime({ offset: true }), id: z.uuid() });

/** Filters of the expense list, for the page and the API alike. */
export const expenseFilter = z.object({
	from: calendarDate('first').optional(),
	to: calendarDate('last').optional(),
	category: z.string().max(40).optional(),
	memberId: z.uuid({ error: 'Not a member id.' }).optional(),
	q: z.string().max(200, 'Search for at most 200 characters.').optional()
});

/** The settlement form: the amount typed as people type it, read in the household's currency. */
export function settlementForm(currency: string, locale: string) {
	return z
		.object({
			fromMemberId: z.uuid({ error: 'Choose who paid.' }),
			toMemberId: z.uuid({ error: 'Choose who was paid.' }),
			amount: z.string({ error: 'Enter an amount.' }),
			paidOn: calendarDate('payment'),
			note: freeText(500).trim().optional()
		})
		.transform((form, ctx): SettlementInput => {
			const amount = parseAmount(form.amount, currency, locale);
			if (!amount.ok) {
				ctx.addIssue({ code: 'custom', path: ['amount'], message: amount.message });
				return z.NEVER;
			}
			return { fromMemberId: form.fromMemberId, toMemberId: form.toMemberId, amountMinor: amount.minor, paidOn: form.paidOn, note: form.note };
		})
		.pipe(settlementInput);
}

export const recurringScheduleInput = z
	.object({
		kind: z.enum(['monthly', 'weekly'], { error: 'Choose monthly or weekly.' }),
		interval: z.number({ error: 'Say every how many months or weeks.' }).int('Use a whole number.').min(1, 'At least 1.').max(24, 'At most 24.').default(1),
		dayOfMonth: z.number({ error: 'Choose a day of the month.' }).int().min(1, 'From 1 to 31.').max(31, 'From 1 to 31.').optional(),
		weekday: z.number({ error: 'Choose a weekday.' }).int().min(1, 'From 1 (Monday) to 7 (Sunday).').max(7, 'From 1 (Monday) to 7 (Sunday).').optional(),
		startOn: calendarDate('first'),
		endOn: calendarDate('end').optional()
	})
	.refine((s) => s.kind !== 'monthly' || s.dayOfMonth !== undefined, { path: ['dayOfMonth'], message: 'Choose the day of the month.' })
	.refine((s) => s.kind !== 'weekly' || s.weekday !== undefined, { path: ['weekday'], message: 'Choose the weekday.' })
	.refine((s) => !s.endOn || s.endOn >= s.startOn, { path: ['endOn'], message: 'The end cannot be before the first date.' })
	.meta({ id: 'RecurringSchedule' });

export const recurringInput = expenseInput.omit({ spentOn: true }).extend({ schedule: recurringScheduleInput }).meta({ id: 'RecurringExpenseInput' });

export type RecurringInput = z.infer<typeof recurringInput>;
