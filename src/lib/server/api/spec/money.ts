import { z } from 'zod';
import { expenseFilter, expenseInput, expensePatch, recurringInput, settlementInput } from '$lib/server/money/schemas';
import { expenseSchema, moneyLine, splitSchema } from '$lib/money/model';
import { defineOperation } from '../operation';
import { idField, pick } from './common';
import { listQuery } from '../pagination';

/** The expense as every endpoint answers it: the domain's own model. */
export const expenseBody = expenseSchema;

const tag = 'Money';

export const createExpense = defineOperation({
	method: 'POST',
	path: '/households/{hid}/expenses',
	summary: 'Add an expense; the split is applied and stored as shares that sum to the amount',
	tag,
	auth: true,
	body: expenseInput,
	responses: { 201: { description: 'The expense', schema: expenseBody }, ...pick(400, 401, 404, 422) }
});

export const listExpenses = defineOperation({
	method: 'GET',
	path: '/households/{hid}/expenses',
	summary: 'Expenses, newest first, with filters',
	tag,
	auth: true,
	query: listQuery.extend(expenseFilter.shape),
	responses: {
		200: {
			description: 'A page of expenses',
			schema: z.object({ items: z.array(expenseBody), nextCursor: z.string().nullable() }).meta({ id: 'ExpensePage' })
		},
		...pick(400, 401, 404)
	}
});

export const getExpense = defineOperation({
	method: 'GET',
	path: '/households/{hid}/expenses/{eid}',
	summary: 'One expense (also a deleted one)',
	tag,
	auth: true,
	responses: { 200: { description: 'The expense', schema: expenseBody }, ...pick(401, 404) }
});

export const updateExpense = defineOperation({
	method: 'PATCH',
	path: '/households/{hid}/expenses/{eid}',
	summary: 'Edit an expense; send the `version` you edited (409 if someone changed it since)',
	tag,
	auth: true,
	body: expensePatch,
	responses: { 200: { description: 'The expense', schema: expenseBody }, ...pick(400, 401, 404, 409, 422) }
});

export const deleteExpense = defineOperation({
	method: 'DELETE',
	path: '/households/{hid}/expenses/{eid}',
	summary: 'Delete an expense (soft: it can be restored)',
	tag,
	auth: true,
	responses: { 204: { description: 'Deleted' }, ...pick(401, 404, 409) }
});

export const restoreExpense = defineOperation({
	method: 'POST',
	path: '/households/{hid}/expenses/{eid}/restore',
	summary: 'Undo the deletion of an expense',
	tag,
	auth: true,
	responses: { 200: { description: 'The expense', schema: expenseBody }, ...pick(401, 404, 409) }
});

export const createSettlement = defineOperation({
	method: 'POST',
	path: '/households/{hid}/settlements',
	summary: 'Record a payment from one member to another',
	tag,
	auth: true,
	body: settlementInput,
	responses: {
		201: {
			description: 'The settlement',
			schema: z
				.object({ id: idField, fromMemberId: idField, toMemberId: idField, amountMinor: z.number().int(), paidOn: z.string(), note: z.string() })
				.meta({ id: 'Settlement' })
		},
		...pick(400, 401, 404, 422)
	}
});

export const getBalances = defineOperation({
	method: 'GET',
	path: '/households/{hid}/balances',
	summary: 'Each member’s net position and the transfers that settle the house: the fewest possible for up to 20 members with a balance, at most n − 1 beyond',
	tag,
	auth: true,
	responses: {
		200: {
			description: 'Balances; `netMinor` > 0 means the member is owed money; they sum to 0',
			schema: z
				.object({
					currency: z.string(),
					balances: z.array(z.object({ memberId: idField, netMinor: z.number().int() })),
					transfers: z.array(z.object({ fromMemberId: idField, toMemberId: idField, amountMinor: z.number().int() }))
				})
				.meta({ id: 'Balances' })
		},
		...pick(401, 404)
	}
});

export const recurringBody = z
	.object({
		id: idField,
		description: z.string(),
		amountMinor: z.number().int(),
		category: z.string(),
		payers: z.array(moneyLine),
		split: splitSchema,
		schedule: z.object({
			kind: z.enum(['monthly', 'weekly']),
			interval: z.number().int(),
			dayOfMonth: z.number().int().nullable().optional(),
			weekday: z.number().int().nullable().optional(),
			startOn: z.string(),
			endOn: z.string().nullable().optional()
		}),
		paused: z.boolean(),
		version: z.number().int(),
		nextDueOn: z.string().nullable()
	})
	.meta({ id: 'RecurringExpense' });

export const createRecurring = defineOperation({
	method: 'POST',
	path: '/households/{hid}/recurring-expenses',
	summary: 'Set up a recurring expense; each period’s expense is created once, due periods at once',
	tag,
	auth: true,
	body: recurringInput,
	responses: { 201: { description: 'The recurring expense', schema: recurringBody }, ...pick(400, 401, 404, 422) }
});

export const listRecurring = defineOperation({
	method: 'GET',
	path: '/households/{hid}/recurring-expenses',
	summary: 'The household’s recurring expenses with their next due date',
	tag,
	auth: true,
	responses: { 200: { description: 'Recurring expenses', schema: z.object({ items: z.array(recurringBody), nextCursor: z.null() }) }, ...pick(401, 404) }
});
