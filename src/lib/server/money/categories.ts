import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { getDb } from '$lib/server/db';
import { audit } from '$lib/server/activity/log';
import { DomainError, notFound } from '$lib/server/errors';
import type { MemberContext } from '$lib/server/households/context';
import { m } from '$lib/paraglide/messages';

/** The built-in categories; each is named in the reader's language (a getter, read per request). */
export const DEFAULT_CATEGORIES: ReadonlyArray<{ readonly key: string; readonly name: string }> = (
	[
		['rent', m.category_rent],
		['utilities', m.category_utilities],
		['groceries', m.category_groceries],
		['supplies', m.category_supplies],
		['repairs', m.category_repairs],
		['internet', m.category_internet],
		['other', m.category_other]
	] as const
).map(([key, name]) => ({
	key,
	get name() {
		return name();
	}
}));

/** The defaults plus the household's own, defaults first. */
export const listCategories = (householdId: string) => categoriesOf(getDb(), householdId);

/** The same, read with `db` (inside a transaction). */
export async function categoriesOf(db: Kysely<Database>, householdId: string): Promise<Array<{ key: string; name: string }>> {
	const own = await db.selectFrom('expenseCategories').select(['key', 'name']).where('householdId', '=', householdId).orderBy('name').execute();
	return [...DEFAULT_CATEGORIES, ...own];
}

/** "Kids' stuff" → "kids-stuff": a stable key for the API and exports. */
export function categoryKey(name: string): string {
	return (
		name
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 40) || 'category'
	);
}

export async function addCategory(context: MemberContext, name: string): Promise<{ key: string; name: string }> {
	const householdId = context.household.id;
	const key = categoryKey(name);
	const taken = (await listCategories(householdId)).some((c) => c.key === key || c.name.toLowerCase() === name.toLowerCase());
	if (taken) throw new DomainError(409, 'duplicate', m.e_category_taken(), { name: m.e_category_taken() });
	return getDb()
		.transaction()
		.execute(async (trx) => {
			const row = await trx.insertInto('expenseCategories').values({ householdId, key, name }).returning(['key', 'name']).executeTakeFirstOrThrow();
			await audit(trx, context, {
				action: 'category.added',
				subjectType: 'category',
				subjectId: key,
				facts: { actor: context.member.displayName, name }
			});
			return row;
		});
}

/** Only the household's own categories, and only while no expense uses them. */
export async function removeCategory(context: MemberContext, key: string): Promise<void> {
	const householdId = context.household.id;
	await getDb()
		.transaction()
		.execute(async (trx) => {
			const category = await trx
				.selectFrom('expenseCategories')
				.select('name')
				.where('householdId', '=', householdId)
				.where('key', '=', key)
				.forUpdate()
				.executeTakeFirst();
			if (!category) throw notFound(m.thing_category);
			const used = await trx
				.selectFrom('expenses')
				.select((eb) => eb.fn.countAll<string>().as('n'))
				.where('householdId', '=', householdId)
				.where('category', '=', key)
				.executeTakeFirstOrThrow();
			const templates = await trx
				.selectFrom('recurringExpenses')
				.select((eb) => eb.fn.countAll<string>().as('n'))
				.where('householdId', '=', householdId)
				.where('category', '=', key)
				.executeTakeFirstOrThrow();
			const count = Number(used.n) + Number(templates.n);
			if (count > 0)
				throw new DomainError(
					409,
					'in_use',
					`${category.name} is used by ${count} expense${count === 1 ? '' : 's'}; it stays so their history keeps its meaning.`
				);
			await trx.deleteFrom('expenseCategories').where('householdId', '=', householdId).where('key', '=', key).execute();
			await audit(trx, context, {
				action: 'category.removed',
				subjectType: 'category',
				subjectId: key,
				facts: { actor: context.member.displayName, name: category.name }
			});
		});
}
