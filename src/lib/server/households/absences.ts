import { getDb } from '$lib/server/db';
import { forbidden, notFound } from '$lib/server/errors';
import { audit } from '$lib/server/activity/log';
import { isUuid } from '$lib/server/ids';
import type { MemberContext } from './context';
import type { AbsenceInput } from './schemas';
import { m } from '$lib/paraglide/messages';

export interface Absence {
	id: string;
	memberId: string;
	from: string;
	to: string;
	note: string;
}

/** A member records their own absence; an admin may record anyone's. */
export async function addAbsence(context: MemberContext, memberId: string, input: AbsenceInput): Promise<Absence> {
	const householdId = context.household.id;
	if (!isUuid(memberId)) throw notFound(m.thing_member);
	if (memberId !== context.member.id && !context.member.isAdmin) throw forbidden(m.e_absence_for_other());
	return getDb()
		.transaction()
		.execute(async (trx) => {
			const member = await trx.selectFrom('members').select('displayName').where('householdId', '=', householdId).where('id', '=', memberId).executeTakeFirst();
			if (!member) throw notFound(m.thing_member);
			const row = await trx
				.insertInto('absences')
				.values({ householdId, memberId, startsOn: input.from, endsOn: input.to, note: input.note ?? '', createdByMemberId: context.member.id })
				.returning(['id', 'memberId', 'startsOn', 'endsOn', 'note'])
				.executeTakeFirstOrThrow();
			await audit(trx, context, {
				action: 'absence.added',
				subjectType: 'member',
				subjectId: memberId,
				facts: { name: member.displayName, from: input.from, to: input.to },
				details: { after: input }
			});
			return { id: row.id, memberId: row.memberId, from: row.startsOn, to: row.endsOn, note: row.note };
		});
}

export async function listAbsences(householdId: string, options: { memberId?: string; endingOnOrAfter?: string } = {}): Promise<Absence[]> {
	let query = getDb().selectFrom('absences').select(['id', 'memberId', 'startsOn', 'endsOn', 'note']).where('householdId', '=', householdId);
	if (options.memberId) query = query.where('memberId', '=', options.memberId);
	if (options.endingOnOrAfter) query = query.where('endsOn', '>=', options.endingOnOrAfter);
	const rows = await query.orderBy('startsOn').execute();
	return rows.map((row) => ({ id: row.id, memberId: row.memberId, from: row.startsOn, to: row.endsOn, note: row.note }));
}

export async function removeAbsence(context: MemberContext, absenceId: string): Promise<void> {
	const householdId = context.household.id;
	if (!isUuid(absenceId)) throw notFound(m.thing_absence);
	await getDb()
		.transaction()
		.execute(async (trx) => {
			const absence = await trx
				.selectFrom('absences')
				.select(['memberId', 'startsOn', 'endsOn'])
				.where('householdId', '=', householdId)
				.where('id', '=', absenceId)
				.executeTakeFirst();
			if (!absence) throw notFound(m.thing_absence);
			if (absence.memberId !== context.member.id && !context.member.isAdmin) throw forbidden(m.e_absence_remove_other());
			await trx.deleteFrom('absences').where('householdId', '=', householdId).where('id', '=', absenceId).execute();
			await audit(trx, context, {
				action: 'absence.removed',
				subjectType: 'member',
				subjectId: absence.memberId,
				facts: { actor: context.member.displayName, from: absence.startsOn, to: absence.endsOn },
				details: { before: { from: absence.startsOn, to: absence.endsOn } }
			});
		});
}
