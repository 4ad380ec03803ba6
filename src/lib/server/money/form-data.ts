import { todayIn } from '$lib/dates';
import type { ExpenseFormFields, ExpenseFormMember } from '$lib/money/expense-form';
import type { MemberContext } from '$lib/server/households/guard';
import { listMembers } from '$lib/server/households/members';
import { listCategories } from './categories';

/** What the expense form needs: the active members (with weights) and the categories. */
export async function expenseFormOptions(householdId: string): Promise<{ members: ExpenseFormMember[]; categories: Array<{ key: string; name: string }> }> {
	const [members, categories] = await Promise.all([listMembers(householdId), listCategories(householdId)]);
	return {
		members: members.filter((m) => m.active).map((m) => ({ id: m.id, displayName: m.displayName, shareWeight: m.shareWeight })),
		categories
	};
}

/**
 * A new expense: today, paid by me, shared by everyone active — by share weight when the
 * weights differ (a child with weight 0 is not charged by default), else equally.
 */
export function newExpenseFields(context: MemberContext, members: ExpenseFormMember[]): ExpenseFormFields {
	return {
		description: '',
		amount: '',
		spentOn: todayIn(context.household.timezone),
		category: 'groceries',
		notes: '',
		payerMode: 'single',
		paidBy: context.member.id,
		paid: Object.fromEntries(members.map((m) => [m.id, ''])),
		splitMode: defaultSplitMode(members),
		included: members.map((m) => m.id),
		values: Object.fromEntries(members.map((m) => [m.id, '']))
	};
}

/** By share weight when the members' weights differ, else equally. */
export function defaultSplitMode(members: Array<{ shareWeight: number }>): 'weights' | 'equal' {
	return new Set(members.map((m) => m.shareWeight)).size > 1 ? 'weights' : 'equal';
}
