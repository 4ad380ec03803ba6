/** Changing chores: add one, edit one (from today on; the past stays as it was). */
import type { Kysely } from 'kysely';
import { getDb } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import { DomainError, notFound } from '$lib/server/errors';
import { isUuid } from '$lib/server/ids';
import { audit } from '$lib/server/activity/log';
import type { MemberContext } from '$lib/server/households/context';
import type { ChoreSchedule } from '$lib/schedule';
import { todayIn } from '$lib/dates';
import { earliestChoreStart, START_DAYS_BACK } from '$lib/chores/bounds';
import { freezeNewChorePast, freezePast } from './freeze';
import { loadChore, type Chore } from './queries';
import type { ChoreInput, ChorePatch } from './schemas';
import { checkVersion, type Describe } from '$lib/server/versions';
import { m } from '$lib/paraglide/messages';

function scheduleOf(input: ChoreInput['schedule']): ChoreSchedule {
	const { kind, interval, weekdays, dayOfMonth, nth, weekday, startOn, endOn, time } = input;
	return {
		kind,
		interval,
		...(kind === 'weekly' ? { weekdays: [...new Set(weekdays)].sort() } : {}),
		...(kind === 'monthly' ? (nth !== undefined && weekday !== undefined ? { nth, weekday } : { dayOfMonth }) : {}),
		startOn,
		endOn: endOn ?? null,
		time: time ?? null
	};
}

/** Participants must be active members; on an edit, those already taking part may stay though they left (the chore stays editable). */
async function checkParticipants(trx: Kysely<Database>, householdId: string, memberIds: string[], alreadyIn: string[] = []): Promise<void> {
	const newcomers = memberIds.filter((id) => !alreadyIn.includes(id));
	if (newcomers.length === 0) return;
	const found = await trx
		.selectFrom('members')
		.select('id')
		.where('householdId', '=', householdId)
		.where('active', '=', true)
		.where('id', 'in', newcomers)
		.execute();
	if (found.length !== newcomers.length) {
		throw new DomainError(422, 'rule_broken', m.e_chore_active_members(), {
			'assignment.memberIds': m.e_choose_active_members()
		});
	}
}

async function writeParticipants(trx: Kysely<Database>, householdId: string, choreId: string, memberIds: string[]): Promise<void> {
	await trx.deleteFrom('choreParticipants').where('householdId', '=', householdId).where('choreId', '=', choreId).execute();
	if (memberIds.length)
		await trx
			.insertInto('choreParticipants')
			.values(memberIds.map((memberId, position) => ({ householdId, choreId, memberId, position })))
			.execute();
}

/** A chore may start at most a year back: planning a chore costs time for every day since its start. */
function checkStart(household: MemberContext['household'], startOn: string): void {
	const earliest = earliestChoreStart(todayIn(household.timezone));
	if (startOn < earliest) {
		const message = m.e_start_from({ earliest, days: START_DAYS_BACK });
		throw new DomainError(422, 'rule_broken', message, { 'schedule.startOn': message });
	}
}

export async function createChore(context: MemberContext, input: ChoreInput): Promise<Chore> {
	const householdId = context.household.id;
	checkStart(context.household, input.schedule.startOn);
	await freezePast(context.household);
	return getDb()
		.transaction()
		.execute(async (trx) => {
			await checkParticipants(trx, householdId, input.assignment.memberIds);
			const row = await trx
				.insertInto('chores')
				.values({
					householdId,
					name: input.name,
					description: input.description ?? '',
					effort: input.effort,
					schedule: JSON.stringify(scheduleOf(input.schedule)),
					strategy: input.assignment.strategy,
					createdByMemberId: context.member.id
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await writeParticipants(trx, householdId, row.id, input.assignment.memberIds);
			await freezeNewChorePast(trx, context.household, row.id, input.schedule.startOn);
			await audit(trx, context, {
				action: 'chore.created',
				subjectType: 'chore',
				subjectId: row.id,
				facts: { actor: context.member.displayName, chore: input.name },
				details: { after: input }
			});
			return loadChore(trx, householdId, row.id);
		});
}

/**
 * Changes apply from today on: the past is frozen first, so occurrences before today
 * (and every one someone acted on) stay exactly as they were.
 */
/** How a chore's fields read in a conflict message. */
const describeChoreField: Describe = (field, value) =>
	field === 'name'
		? m.change_name({ value: String(value) })
		: field === 'effort'
			? m.change_effort({ value: String(value) })
			: field === 'schedule'
				? m.change_schedule()
				: field === 'assignment'
					? m.change_people()
					: field === 'active'
						? value
							? m.change_running()
							: m.change_paused()
						: field === 'description'
							? 'another description'
							: null;

/** `patch.version`: the version the edit was made from (409 if someone saved since); internal callers may leave it out. */
export async function updateChore(context: MemberContext, choreId: string, patch: Omit<ChorePatch, 'version'> & { version?: number }): Promise<Chore> {
	const householdId = context.household.id;
	if (!isUuid(choreId)) throw notFound(m.thing_chore);
	await freezePast(context.household);
	return getDb()
		.transaction()
		.execute(async (trx) => {
			const before = await loadChore(trx, householdId, choreId, true);
			checkVersion(m.this_chore, patch.version, { ...before }, { ...patch, assignment: patch.assignment }, describeChoreField);
			if (patch.schedule && patch.schedule.startOn !== before.schedule.startOn) checkStart(context.household, patch.schedule.startOn);
			if (patch.assignment) await checkParticipants(trx, householdId, patch.assignment.memberIds, before.assignment.memberIds);
			if (patch.assignment && patch.assignment.strategy !== 'open' && patch.assignment.memberIds.length === 0) {
				throw new DomainError(422, 'rule_broken', m.v_chore_who(), { 'assignment.memberIds': m.v_chore_who() });
			}
			await trx
				.updateTable('chores')
				.set({
					name: patch.name ?? before.name,
					description: patch.description ?? before.description,
					effort: patch.effort ?? before.effort,
					schedule: JSON.stringify(patch.schedule ? scheduleOf(patch.schedule) : before.schedule),
					strategy: patch.assignment?.strategy ?? before.assignment.strategy,
					active: patch.active ?? before.active,
					version: before.version + 1
				})
				.where('householdId', '=', householdId)
				.where('id', '=', choreId)
				.execute();
			if (patch.assignment) await writeParticipants(trx, householdId, choreId, patch.assignment.memberIds);
			const after = await loadChore(trx, householdId, choreId);
			await audit(trx, context, {
				action: 'chore.updated',
				subjectType: 'chore',
				subjectId: choreId,
				facts: { actor: context.member.displayName, chore: after.name },
				details: { before, after }
			});
			return after;
		});
}
