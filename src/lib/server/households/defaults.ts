/** The house's defaults for new entries (Settings → Defaults), and each payer's last way of splitting. */
import type { Kysely } from 'kysely';
import { getDb } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import { audit } from '$lib/server/activity/log';
import { BUILT_IN_DEFAULTS, type HouseholdDefaults } from '$lib/households/defaults';
import { rolePresets } from '$lib/households/roles';
import type { SplitMode } from '$lib/money/splits';
import type { MemberContext } from './context';
import { storedRolePresets, type HouseholdDefaultsInput } from './schemas';

export const getHouseholdDefaults = (householdId: string) => householdDefaultsOf(getDb(), householdId);

/** The house's defaults, read with `db` (inside a transaction). */
export async function householdDefaultsOf(db: Kysely<Database>, householdId: string): Promise<HouseholdDefaults> {
	const row = await db
		.selectFrom('householdDefaults')
		.select(['splitMode', 'rememberPayerSplit', 'rolePresets', 'mealPortionCapMinor'])
		.where('householdId', '=', householdId)
		.executeTakeFirst();
	if (!row) return structuredClone(BUILT_IN_DEFAULTS);
	// Stored by this code, or by an import that was checked with the same schema.
	const presets = storedRolePresets.safeParse(row.rolePresets);
	return {
		splitMode: row.splitMode,
		rememberPayerSplit: row.rememberPayerSplit,
		rolePresets: rolePresets(presets.success ? presets.data : {}),
		mealPortionCapMinor: row.mealPortionCapMinor
	};
}

export async function setHouseholdDefaults(context: MemberContext, input: HouseholdDefaultsInput): Promise<void> {
	const householdId = context.household.id;
	const values = {
		splitMode: input.splitMode,
		rememberPayerSplit: input.rememberPayerSplit,
		rolePresets: JSON.stringify(input.rolePresets),
		mealPortionCapMinor: input.mealPortionCapMinor
	};
	await getDb()
		.transaction()
		.execute(async (trx) => {
			await trx
				.insertInto('householdDefaults')
				.values({ householdId, ...values })
				.onConflict((oc) => oc.column('householdId').doUpdateSet(values))
				.execute();
			await audit(trx, context, {
				action: 'household.defaults_changed',
				subjectType: 'household',
				subjectId: householdId,
				facts: { actor: context.member.displayName },
				details: { after: input }
			});
		});
}

/** Each payer's last way of splitting, for the expense form (empty when the house does not remember). */
export async function lastSplitByPayer(householdId: string): Promise<Record<string, SplitMode>> {
	const rows = await getDb().selectFrom('payerSplitModes').select(['memberId', 'splitMode']).where('householdId', '=', householdId).execute();
	return Object.fromEntries(rows.map((row) => [row.memberId, row.splitMode]));
}

/** Called where an expense with one payer is saved by a person, in its transaction. */
export async function rememberSplit(db: Kysely<Database>, householdId: string, payerId: string, splitMode: SplitMode): Promise<void> {
	await db
		.insertInto('payerSplitModes')
		.values({ householdId, memberId: payerId, splitMode })
		.onConflict((oc) => oc.columns(['householdId', 'memberId']).doUpdateSet({ splitMode }))
		.execute();
}
