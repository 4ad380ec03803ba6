import { todayIn } from '$lib/dates';
import type { ExpenseFormFields, ExpenseFormMember } from '$lib/money/expense-form';
import type { MemberContext } from '$lib/server/households/context';
import { listMembers } from '$lib/server/households/members';
import { listCategories } from './categories';
import { getHouseholdDefaults, lastSplitByPayer } from '$lib/server/households/defaults';
import { initialSplitMode, type SplitDefaults } from '$lib/households/defaults';

/** What the expense form needs: the active members (with weights), the categories and how a new one is split. */
export async function expenseFormOptions(
	householdId: string
): Promise<{ members: ExpenseFormMember[]; categories: Array<{ key: string; name: string }>; splitDefaults: SplitDefaults }> {
	const [members, categories, defaults, lastByPayer] = await Promise.all([
		listMembers(householdId),
		listCategories(householdId),
		getHouseholdDefaults(householdId),
		lastSplitByPayer(householdId)
	]);
	return {
		members: members.filter((m) => m.active).map((m) => ({ id: m.id, displayName: m.displayName, shareWeight: m.shareWeight })),
		categories,
		splitDefaults: {
			splitMode: defaults.splitMode,
			rememberPayerSplit: defaults.rememberPayerSplit,
			lastByPayer: defaults.rememberPayerSplit ? lastByPayer : {}
		}
	};
}

/**
 * A new expense: today, paid by me, shared by everyone active — the way I last split one,
 * or the house's default (built in: by share weight when the weights differ, so a child
 * with weight 0 is not charged, else equally).
 */
export function newExpenseFields(
	context: MemberContext,
	{ members, splitDefaults }: { members: ExpenseFormMember[]; splitDefaults: SplitDefaults }
): ExpenseFormFields {
	return {
		description: '',
		amount: '',
		spentOn: todayIn(context.household.timezone),
		category: 'groceries',
		notes: '',
		payerMode: 'single',
		paidBy: context.member.id,
		paid: Object.fromEntries(members.map((m) => [m.id, ''])),
		splitMode: initialSplitMode(splitDefaults, members, context.member.id),
		included: members.map((m) => m.id),
		values: Object.fromEntries(members.map((m) => [m.id, '']))
	};
}
