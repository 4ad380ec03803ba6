import { z } from 'zod';
import { MAX_AMOUNT_MINOR, parseAmount } from '$lib/money/format';
import { calendarDate, dayOfMonthNumber, freeText, singleLineText, versionField, weekdayNumber, wholeNumber } from '$lib/server/validation';
import { SPLIT_MODES } from '$lib/money/splits';
import { m } from '$lib/paraglide/messages';

export const amountMinorField = z
	.number({ error: () => m.v_minor_units() })
	.int({ error: () => m.v_minor_units() })
	.min(1, { error: () => m.v_amount_positive() })
	.max(MAX_AMOUNT_MINOR, { error: () => m.amount_too_large() });

const memberIdField = z.uuid({ error: () => m.v_member_of_household() });

export const splitInput = z
	.object({
		mode: z.enum(SPLIT_MODES, { error: () => m.v_split_mode() }),
		parts: z
			.array(
				z.object({
					memberId: memberIdField,
					value: z
						.number({ error: () => m.v_value_number() })
						.finite()
						.optional()
				}),
				{
					error: () => m.v_split_who()
				}
			)
			.min(1, { error: () => m.split_choose_someone() })
			.max(200, { error: () => m.v_at_most({ max: 200 }) })
	})
	.meta({ id: 'SplitInput' });

export const expenseInput = z
	.object({
		description: singleLineText(() => m.expense_describe(), 200),
		amountMinor: amountMinorField,
		spentOn: calendarDate(),
		category: z
			.string({ error: () => m.expense_choose_category() })
			.trim()
			.min(1, { error: () => m.expense_choose_category() })
			.max(40, { error: () => m.expense_choose_category() }),
		notes: freeText(2000).optional(),
		payers: z
			.array(z.object({ memberId: memberIdField, amountMinor: amountMinorField }), { error: () => m.expense_say_who_paid() })
			.min(1, { error: () => m.expense_say_who_paid() })
			.max(50, { error: () => m.v_at_most({ max: 50 }) }),
		split: splitInput
	})
	.meta({ id: 'ExpenseInput' });

export const expensePatch = expenseInput
	.partial()
	.extend({
		version: versionField()
	})
	.meta({ id: 'ExpensePatch' });

export const settlementInput = z
	.object({
		fromMemberId: memberIdField,
		toMemberId: memberIdField,
		amountMinor: amountMinorField,
		paidOn: calendarDate().optional(),
		note: freeText(500).trim().optional()
	})
	.refine((s) => s.fromMemberId !== s.toMemberId, { path: ['toMemberId'], error: () => m.v_pay_self() })
	.meta({ id: 'SettlementInput' });

export type ExpenseInput = z.infer<typeof expenseInput>;
export type ExpensePatch = z.infer<typeof expensePatch>;
export type SettlementInput = z.infer<typeof settlementInput>;

/** Where a page of the expense list ends (inside the `after` cursor), for the page and the API alike. */
export const expensePosition = z.object({ spentOn: calendarDate(), createdAt: z.iso.datetime({ offset: true }), id: z.uuid() });

/** Filters of the expense list, for the page and the API alike. */
export const expenseFilter = z.object({
	from: calendarDate().optional(),
	to: calendarDate().optional(),
	category: z.string().max(40).optional(),
	memberId: z.uuid({ error: () => m.v_not_member_id() }).optional(),
	q: z
		.string()
		.max(200, { error: () => m.v_search_long() })
		.optional()
});

/** The settlement form: the amount typed as people type it, read in the household's currency. */
export function settlementForm(currency: string, locale: string) {
	return z
		.object({
			fromMemberId: z.uuid({ error: () => m.v_choose_payer() }),
			toMemberId: z.uuid({ error: () => m.v_choose_payee() }),
			amount: z.string({ error: () => m.amount_enter() }),
			paidOn: calendarDate(),
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
		kind: z.enum(['monthly', 'weekly'], { error: () => m.v_monthly_weekly() }),
		interval: wholeNumber(1, 24, { missing: () => m.v_recurring_interval() }).default(1),
		dayOfMonth: dayOfMonthNumber(() => m.v_day_of_month()).optional(),
		weekday: weekdayNumber(() => m.v_weekday()).optional(),
		startOn: calendarDate(),
		endOn: calendarDate().optional()
	})
	.refine((s) => s.kind !== 'monthly' || s.dayOfMonth !== undefined, { path: ['dayOfMonth'], error: () => m.v_the_day_of_month() })
	.refine((s) => s.kind !== 'weekly' || s.weekday !== undefined, { path: ['weekday'], error: () => m.v_the_weekday() })
	.refine((s) => !s.endOn || s.endOn >= s.startOn, { path: ['endOn'], error: () => m.v_end_before_first() })
	.meta({ id: 'RecurringSchedule' });

export const recurringInput = expenseInput.omit({ spentOn: true }).extend({ schedule: recurringScheduleInput }).meta({ id: 'RecurringExpenseInput' });

export type RecurringInput = z.infer<typeof recurringInput>;
