/**
 * The money domain's shapes, once: what a saved expense is, for the domain, the API (its
 * response schema), the stored versions and the pages. Types come from the schemas.
 */
import { z } from 'zod';
import { dayField, idField } from '$lib/schema-fields';
import { SPLIT_MODES } from './splits';

/** Who paid or owes how much of one expense, in minor units. */
export const moneyLine = /* @__PURE__ */ z.object({ memberId: idField, amountMinor: z.number().int() });

export const splitSchema = /* @__PURE__ */ z.object({
	mode: z.enum(SPLIT_MODES),
	parts: z.array(z.object({ memberId: idField, value: z.number().optional() }))
});

export const expenseSchema = /* @__PURE__ */ z
	.object({
		id: idField,
		version: z.number().int(),
		description: z.string(),
		amountMinor: z.number().int(),
		spentOn: dayField,
		category: z.string(),
		notes: z.string(),
		payers: z.array(moneyLine),
		split: splitSchema,
		shares: z.array(moneyLine),
		createdByMemberId: idField,
		deleted: z.boolean(),
		fundId: idField.nullable().meta({ description: 'The house fund that paid it (then no payers, no shares: no member’s balance moves)' })
	})
	.meta({ id: 'Expense' });

/** A saved expense: what the form drafts (ExpenseDraft), plus what saving adds. */
export type Expense = z.infer<typeof expenseSchema>;
export type MoneyLine = z.infer<typeof moneyLine>;
