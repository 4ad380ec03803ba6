import { checkVersion, type Describe } from '$lib/server/versions';
import { getDb } from '$lib/server/db';
import type { Household } from '$lib/server/db/schema';
import type { SessionUser } from '$lib/server/auth/sessions';
import { logActivity } from '$lib/server/activity/log';
import type { HouseholdInput } from './schemas';
import { m } from '$lib/paraglide/messages';

export interface HouseholdSummary {
	id: string;
	name: string;
	memberId: string;
	isAdmin: boolean;
}

/** A demo house (`demo`): see demo/seed.ts. `expiresAt` null keeps it (the dev demo). */
export interface DemoMark {
	expiresAt: Date | null;
}

/** The creator becomes the household's first member: an adult admin. */
export async function createHousehold(user: SessionUser, input: HouseholdInput, demo?: DemoMark): Promise<{ household: Household; memberId: string }> {
	return getDb()
		.transaction()
		.execute(async (trx) => {
			const household = await trx
				.insertInto('households')
				.values({ ...input, ...(demo ? { demo: true, demoExpiresAt: demo.expiresAt } : {}) })
				.returning(['id', 'name', 'currency', 'timezone', 'locale', 'createdAt', 'version', 'demoExpiresAt'])
				.executeTakeFirstOrThrow();
			const member = await trx
				.insertInto('members')
				.values({ householdId: household.id, displayName: user.displayName, role: 'adult', isAdmin: true, userId: user.id })
				.returning('id')
				.executeTakeFirstOrThrow();
			await trx.updateTable('users').set({ lastHouseholdId: household.id }).where('id', '=', user.id).execute();
			await logActivity(trx, {
				householdId: household.id,
				actorMemberId: member.id,
				action: 'household.created',
				subjectType: 'household',
				subjectId: household.id,
				facts: { actor: user.displayName, household: household.name },
				details: { after: input }
			});
			return { household, memberId: member.id };
		});
}

export async function listMyHouseholds(userId: string): Promise<HouseholdSummary[]> {
	return getDb()
		.selectFrom('members')
		.innerJoin('households', 'households.id', 'members.householdId')
		.select(['households.id', 'households.name', 'members.id as memberId', 'members.isAdmin'])
		.where('members.userId', '=', userId)
		.where('members.active', '=', true)
		.orderBy('households.name')
		.execute();
}

const describeHouseholdField: Describe = (field, value) =>
	field === 'name'
		? m.change_name({ value: String(value) })
		: field === 'currency'
			? m.change_currency({ value: String(value) })
			: field === 'timezone'
				? m.change_zone({ value: String(value) })
				: null;

/** `expectedVersion`: the version the settings form was opened on (409 if someone saved since). */
export async function updateHousehold(householdId: string, actorMemberId: string, input: HouseholdInput, expectedVersion?: number): Promise<Household> {
	return getDb()
		.transaction()
		.execute(async (trx) => {
			const saved = await trx
				.selectFrom('households')
				.select(['name', 'currency', 'timezone', 'locale', 'version'])
				.where('id', '=', householdId)
				.forUpdate()
				.executeTakeFirstOrThrow();
			checkVersion(m.this_household, expectedVersion, saved, input, describeHouseholdField);
			const before = { name: saved.name, currency: saved.currency, timezone: saved.timezone, locale: saved.locale };
			const household = await trx
				.updateTable('households')
				.set({ ...input, version: saved.version + 1 })
				.where('id', '=', householdId)
				.returningAll()
				.executeTakeFirstOrThrow();
			await logActivity(trx, {
				householdId,
				actorMemberId,
				action: 'household.updated',
				subjectType: 'household',
				subjectId: householdId,
				facts: {},
				details: { before, after: input }
			});
			return household;
		});
}
