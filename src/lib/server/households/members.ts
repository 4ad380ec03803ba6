import type { Locale } from '$lib/i18n/locales';
import { checkVersion, type Describe } from '$lib/server/versions';
import { sql, type Kysely } from 'kysely';
import { householdDefaultsOf } from './defaults';
import { getDb } from '$lib/server/db';
import type { Database, MemberRow, Role } from '$lib/server/db/schema';
import { DomainError, notFound } from '$lib/server/errors';
import { audit } from '$lib/server/activity/log';
import { isUuid } from '$lib/server/ids';
import type { MemberContext } from './context';
import type { MemberInput, MemberPatch } from './schemas';
import { m } from '$lib/paraglide/messages';
import { ROLE_LABELS } from '$lib/households/roles';

/** A member as pages and the API show it: numbers are numbers, not pg's numeric strings. */
export interface Member {
	id: string;
	displayName: string;
	role: Role;
	isAdmin: boolean;
	userId: string | null;
	shareWeight: number;
	choreCapacity: number;
	active: boolean;
	leftAt: Date | null;
	version: number;
	/** For a member without a login: the language of their reminders (null: the household's). */
	locale: Locale | null;
	/** For a member without a login: the adult who gets their chore reminders. */
	guardianMemberId: string | null;
	/** For a member without a login: an address for their chore reminders only. */
	reminderEmail: string | null;
}

export function toMember(row: MemberRow): Member {
	return {
		id: row.id,
		displayName: row.displayName,
		role: row.role,
		isAdmin: row.isAdmin,
		userId: row.userId,
		shareWeight: Number(row.shareWeight),
		choreCapacity: Number(row.choreCapacity),
		active: row.active,
		leftAt: row.leftAt,
		version: row.version,
		locale: row.locale,
		guardianMemberId: row.guardianMemberId,
		reminderEmail: row.reminderEmail
	};
}

/** Active members first, each group by name. */
export async function listMembers(householdId: string): Promise<Member[]> {
	const rows = await getDb()
		.selectFrom('members')
		.selectAll()
		.where('householdId', '=', householdId)
		.orderBy('active', 'desc')
		.orderBy('displayName')
		.execute();
	return rows.map(toMember);
}

/** Who may be a guardian: adults still in the house with a login. */
export function possibleGuardians(members: Member[]): Array<{ id: string; displayName: string }> {
	return members.filter((m) => m.active && m.role === 'adult' && m.userId).map(({ id, displayName }) => ({ id, displayName }));
}

export async function getMember(householdId: string, memberId: string): Promise<Member> {
	if (!isUuid(memberId)) throw notFound(m.thing_member);
	const row = await getDb().selectFrom('members').selectAll().where('householdId', '=', householdId).where('id', '=', memberId).executeTakeFirst();
	if (!row) throw notFound(m.thing_member);
	return toMember(row);
}

/** An admin adds someone who may never log in: a child, a grandparent, a lodger. */
/**
 * Adds a member without a login. Share weight and chore capacity default to the role's
 * preset (the house's, from Settings). The same name as an active member is refused unless `allowSameName` says it is
 * meant (two Bens): a second click on "Add" is the usual cause.
 */
export async function addMember(context: MemberContext, input: MemberInput & { allowSameName?: boolean }): Promise<Member> {
	const householdId = context.household.id;
	return getDb()
		.transaction()
		.execute(async (trx) => {
			const preset = (await householdDefaultsOf(trx, householdId)).rolePresets[input.role];
			if (!input.allowSameName) {
				const same = await trx
					.selectFrom('members')
					.select('id')
					.where('householdId', '=', householdId)
					.where('active', '=', true)
					.where(sql<boolean>`lower(display_name) = lower(${input.displayName})`)
					.executeTakeFirst();
				if (same) {
					const message = m.e_same_name({ name: input.displayName });
					throw new DomainError(422, 'same_name', message, { displayName: message });
				}
			}
			const row = await trx
				.insertInto('members')
				.values({
					householdId,
					displayName: input.displayName,
					role: input.role,
					isAdmin: input.isAdmin ?? false,
					shareWeight: input.shareWeight ?? preset.shareWeight,
					choreCapacity: input.choreCapacity ?? preset.choreCapacity,
					locale: input.locale ?? null,
					guardianMemberId: await checkGuardian(trx, householdId, null, input.guardianMemberId),
					reminderEmail: input.reminderEmail ?? null,
					userId: null
				})
				.returningAll()
				.executeTakeFirstOrThrow();
			await audit(trx, context, {
				action: 'member.added',
				subjectType: 'member',
				subjectId: row.id,
				facts: { actor: context.member.displayName, name: row.displayName, role: row.role },
				details: { after: describe(toMember(row)) }
			});
			return toMember(row);
		});
}

function describe(member: Member) {
	const { displayName, role, isAdmin, shareWeight, choreCapacity, active } = member;
	return { displayName, role, isAdmin, shareWeight, choreCapacity, active };
}

/**
 * Admins edit members. The house must keep an active adult admin: the last one cannot
 * drop the flag, change role or leave. Admin rows are locked, so two admins stepping
 * down at once cannot both succeed.
 */
/** How a member's fields read in a conflict message. */
const describeMemberField: Describe = (field, value) =>
	field === 'displayName'
		? m.change_name({ value: String(value) })
		: field === 'role'
			? m.change_role({ value: ROLE_LABELS[value as Role] ?? String(value) })
			: field === 'isAdmin'
				? value
					? m.change_admin()
					: m.change_no_admin()
				: field === 'shareWeight'
					? m.change_share_weight({ value: String(value) })
					: field === 'choreCapacity'
						? m.change_capacity({ value: String(value) })
						: null;

/** `patch.version`: the version the edit was made from (409 if someone saved since); leaving and rejoining need none. */
export async function updateMember(context: MemberContext, memberId: string, patch: Omit<MemberPatch, 'version'> & { version?: number }): Promise<Member> {
	const householdId = context.household.id;
	if (!isUuid(memberId)) throw notFound(m.thing_member);
	return getDb()
		.transaction()
		.execute(async (trx) => {
			const admins = await lockActiveAdmins(trx, householdId);
			const current = await trx
				.selectFrom('members')
				.selectAll()
				.where('householdId', '=', householdId)
				.where('id', '=', memberId)
				.forUpdate()
				.executeTakeFirst();
			if (!current) throw notFound(m.thing_member);
			const before = toMember(current);
			const { version: expected, ...changes } = patch;
			checkVersion(m.this_member, expected, { ...before }, changes, describeMemberField);
			const next = { ...before, ...definedOnly(changes) };
			if (next.role !== 'adult' && next.isAdmin) {
				if (patch.isAdmin) throw new DomainError(422, 'admin_must_be_adult', m.v_admin_adult(), { isAdmin: m.v_admin_adult() });
				next.isAdmin = false;
			}
			const staysAdmin = next.isAdmin && next.active;
			if (before.isAdmin && before.active && !staysAdmin && admins.length === 1) {
				throw new DomainError(422, 'last_admin', m.e_last_admin(), {
					[patch.active === false ? 'active' : patch.role ? 'role' : 'isAdmin']: m.e_last_admin()
				});
			}
			const row = await trx
				.updateTable('members')
				.set({
					displayName: next.displayName,
					role: next.role,
					isAdmin: next.isAdmin,
					shareWeight: next.shareWeight,
					choreCapacity: next.choreCapacity,
					active: next.active,
					locale: next.locale,
					guardianMemberId: await checkGuardian(trx, householdId, memberId, next.guardianMemberId),
					reminderEmail: next.reminderEmail,
					leftAt: next.active ? null : (before.leftAt ?? new Date()),
					version: before.version + 1
				})
				.where('householdId', '=', householdId)
				.where('id', '=', memberId)
				.returningAll()
				.executeTakeFirstOrThrow();
			const after = toMember(row);
			await audit(trx, context, {
				action: before.active && !after.active ? 'member.left' : !before.active && after.active ? 'member.returned' : 'member.updated',
				subjectType: 'member',
				subjectId: memberId,
				facts: { actor: context.member.displayName, name: after.displayName },
				details: { before: describe(before), after: describe(after) }
			});
			return after;
		});
}

/** A guardian is an adult of this house, still in, with a login (who can get reminders), and not the member themselves. */
async function checkGuardian(
	trx: Kysely<Database>,
	householdId: string,
	memberId: string | null,
	guardianId: string | null | undefined
): Promise<string | null> {
	if (!guardianId) return null;
	const guardian = await trx
		.selectFrom('members')
		.select('id')
		.where('householdId', '=', householdId)
		.where('id', '=', guardianId)
		.where('role', '=', 'adult')
		.where('active', '=', true)
		.where('userId', 'is not', null)
		.executeTakeFirst();
	if (!guardian || guardianId === memberId) throw new DomainError(422, 'rule_broken', m.v_guardian(), { guardianMemberId: m.v_guardian() });
	return guardianId;
}

function definedOnly<T extends object>(patch: T): Partial<T> {
	return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

async function lockActiveAdmins(trx: Kysely<Database>, householdId: string): Promise<string[]> {
	const rows = await trx
		.selectFrom('members')
		.select('id')
		.where('householdId', '=', householdId)
		.where('isAdmin', '=', true)
		.where('active', '=', true)
		.orderBy('id')
		.forUpdate()
		.execute();
	return rows.map((row) => row.id);
}
