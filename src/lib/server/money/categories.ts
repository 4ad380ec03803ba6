import { getDb } from '$lib/server/db';

export const DEFAULT_CATEGORIES = [
	{ key: 'rent', name: 'Rent' },
	{ key: 'utilities', name: 'Utilities' },
	{ key: 'groceries', name: 'Groceries' },
	{ key: 'supplies', name: 'Supplies' },
	{ key: 'repairs', name: 'Repairs' },
	{ key: 'internet', name: 'Internet' },
	{ key: 'other', name: 'Other' }
] as const;

/** The defaults plus the household's own, defaults first. */
export async function listCategories(householdId: string): Promise<Array<{ key: string; name: string }>> {
	const own = await getDb().selectFrom('expenseCategories').select(['key', 'name']).where('householdId', '=', householdId).orderBy('name').execute();
	return [...DEFAULT_CATEGORIES, ...own];
}
