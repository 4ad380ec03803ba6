import { describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { makeHousehold, makeMember } from '../testing/factories';
import { updateMember } from '../households/members';
import { addAbsence } from '../households/absences';
import { plusDays, todayIn } from '$lib/dates';
import { actOnOccurrence, choreCalendar, swapOccurrence } from './occurrences';
import { choreFairness } from './figures';
import { createChore, updateChore } from './chores';
import type { ChoreInput } from './schemas';
import { seedDemoHousehold } from '../demo/seed';

async function house() {
	const admin = await makeHousehold('Chore House');
	const b = await makeMember(admin, 'Bea');
	const c = await makeMember(admin, 'Cal');
	const today = todayIn(admin.household.timezone);
	return { admin, a: admin.member.id, b: b.id, c: c.id, today };
}

const dailyChore = (memberIds: string[], startOn: string, strategy: ChoreInput['assignment']['strategy'] = 'rotate'): ChoreInput => ({
	name: 'Dishes',
	effort: 2,
	schedule: { kind: 'daily', interval: 1, startOn },
	assignment: { strategy, memberIds }
});

describe('the chore calendar', () => {
	it('rotates a weekly chore among three members in turn', async () => {
		const { admin, a, b, c, today } = await house();
		const chore = await createChore(admin, {
			name: 'Bins out',
			effort: 1,
			schedule: { kind: 'weekly', interval: 1, weekdays: [1], startOn: today },
			assignment: { strategy: 'rotate', memberIds: [a, b, c] }
		});
		const calendar = await choreCalendar(admin.household, today, plusDays(today, 41));
		const bins = calendar.filter((o) => o.choreId === chore.id);
		expect(bins).toHaveLength(6);
		expect(bins.map((o) => o.assigneeMemberId)).toEqual([a, b, c, a, b, c]);
	});

	it('credits the doer, undoes, skips with a reason and reassigns', async () => {
		const { admin, a, b, c, today } = await house();
		const chore = await createChore(admin, dailyChore([a, b], today));
		const done = await actOnOccurrence(admin, chore.id, today, { kind: 'complete', doneByMemberId: c });
		expect(done).toMatchObject({ status: 'done', assigneeMemberId: a, doneByMemberId: c });
		await expect(actOnOccurrence(admin, chore.id, today, { kind: 'complete' })).rejects.toMatchObject({ status: 409 });
		expect(await actOnOccurrence(admin, chore.id, today, { kind: 'undo' })).toMatchObject({ status: 'pending', doneByMemberId: null });
		const tomorrow = plusDays(today, 1);
		expect(await actOnOccurrence(admin, chore.id, tomorrow, { kind: 'skip', reason: 'Nobody cooked' })).toMatchObject({ status: 'skipped' });
		expect(await actOnOccurrence(admin, chore.id, plusDays(today, 2), { kind: 'reassign', memberId: c })).toMatchObject({
			assigneeMemberId: c,
			status: 'pending'
		});
		await expect(actOnOccurrence(admin, chore.id, plusDays(today, -1), { kind: 'complete' })).rejects.toMatchObject({ status: 404 });
	});

	it('giving a done chore to someone else keeps when it was done', async () => {
		const { admin, a, b, c, today } = await house();
		const chore = await createChore(admin, dailyChore([a, b], today));
		const done = await actOnOccurrence(admin, chore.id, today, { kind: 'complete' });
		expect(done.doneAt).not.toBeNull();
		const given = await actOnOccurrence(admin, chore.id, today, { kind: 'reassign', memberId: c });
		expect(given).toMatchObject({ status: 'done', assigneeMemberId: c, doneByMemberId: a, doneAt: done.doneAt });
		const [shown] = (await choreCalendar(admin.household, today, today)).filter((o) => o.choreId === chore.id);
		expect(shown!.doneAt).toBe(done.doneAt);
	});

	it('marks an undone past occurrence overdue, and freezes the past exactly once', async () => {
		const { admin, a, b, today } = await house();
		const chore = await createChore(admin, dailyChore([a, b], plusDays(today, -5)));
		const calendars = await Promise.all([1, 2, 3].map(() => choreCalendar(admin.household, plusDays(today, -5), today)));
		expect(calendars[1]).toEqual(calendars[0]);
		const yesterday = calendars[0]!.find((o) => o.dueOn === plusDays(today, -1))!;
		expect(yesterday.status).toBe('overdue');
		expect(calendars[0]!.find((o) => o.dueOn === today)!.status).toBe('pending');
		const frozen = await getDb().selectFrom('choreOccurrences').select('dueOn').where('choreId', '=', chore.id).execute();
		expect(frozen).toHaveLength(5);
	});

	it('an edit changes today and after; the past stays exactly as it was', async () => {
		const { admin, a, b, c, today } = await house();
		const chore = await createChore(admin, dailyChore([a, b], plusDays(today, -6)));
		const before = await choreCalendar(admin.household, plusDays(today, -6), plusDays(today, 6));
		await updateChore(admin, chore.id, { assignment: { strategy: 'fixed', memberIds: [c] }, effort: 5 });
		const after = await choreCalendar(admin.household, plusDays(today, -6), plusDays(today, 6));
		expect(after.filter((o) => o.dueOn < today)).toEqual(before.filter((o) => o.dueOn < today));
		expect(after.filter((o) => o.dueOn >= today).every((o) => o.assigneeMemberId === c && o.effort === 5)).toBe(true);
	});

	it('a member who leaves or is away gets no future occurrences; their past ones stay', async () => {
		const { admin, a, b, c, today } = await house();
		const chore = await createChore(admin, dailyChore([a, b, c], plusDays(today, -3)));
		const past = (await choreCalendar(admin.household, plusDays(today, -3), plusDays(today, -1))).map((o) => o.assigneeMemberId);
		expect(past).toContain(c);
		await updateMember(admin, c, { active: false });
		await addAbsence(admin, b, { from: plusDays(today, 2), to: plusDays(today, 4) });
		const calendar = await choreCalendar(admin.household, plusDays(today, -3), plusDays(today, 20));
		expect(calendar.filter((o) => o.dueOn < today).map((o) => o.assigneeMemberId)).toEqual(past);
		const future = calendar.filter((o) => o.dueOn >= today && o.choreId === chore.id);
		expect(future.some((o) => o.assigneeMemberId === c)).toBe(false);
		expect(future.filter((o) => o.dueOn >= plusDays(today, 2) && o.dueOn <= plusDays(today, 4)).every((o) => o.assigneeMemberId === a)).toBe(true);
	});

	it('fairness counts who was there: after a member leaves, the others expect all of the effort between them', async () => {
		const { admin, a, b, c, today } = await house();
		await createChore(admin, dailyChore([a, b, c], today, 'fair'));
		await updateMember(admin, c, { active: false });
		const rows = await choreFairness(admin.household, plusDays(today, 1), plusDays(today, 6));
		// Six days of effort 1, now among two: the leaver's capacity no longer dilutes theirs.
		expect(rows.map((r) => r.memberId).sort()).toEqual([a, b].sort());
		expect(rows.reduce((sum, r) => sum + r.effortExpected, 0)).toBeCloseTo(6 * dailyChore([a], today).effort, 5);
	});

	it('refuses participants from another household, and a weekly chore without weekdays is a schema error', async () => {
		const { admin, a, today } = await house();
		const other = await makeHousehold();
		await expect(createChore(admin, dailyChore([a, other.member.id], today))).rejects.toMatchObject({ status: 422 });
	});
});

describe('swapping turns', () => {
	it('exchanges this turn with the other member’s next one, both at once', async () => {
		const { admin, a, b, today } = await house();
		const chore = await createChore(admin, dailyChore([a, b], today));
		const swapped = await swapOccurrence(admin, chore.id, today, b);
		expect(swapped.assigneeMemberId).toBe(b);
		const calendar = await choreCalendar(admin.household, today, plusDays(today, 3));
		// Day 0 and day 1 swapped; the rotation goes on as planned (each swapped day was one turn).
		expect(calendar.map((o) => o.assigneeMemberId)).toEqual([b, a, a, b]);
		await expect(swapOccurrence(admin, chore.id, plusDays(today, 1), a)).rejects.toMatchObject({ status: 422 });
	});
});

describe('the server time zone', () => {
	it('does not change the calendar', async () => {
		const { admin, a, b, c, today } = await house();
		await createChore(admin, {
			name: 'Bathroom',
			effort: 3,
			schedule: { kind: 'weekly', interval: 1, weekdays: [6, 7], startOn: plusDays(today, -20), time: '09:00' },
			assignment: { strategy: 'fair', memberIds: [a, b, c] }
		});
		await createChore(admin, {
			name: 'Garden',
			effort: 2,
			schedule: { kind: 'monthly', interval: 1, dayOfMonth: 31, startOn: plusDays(today, -40) },
			assignment: { strategy: 'rotate', memberIds: [c, a] }
		});
		const previous = process.env.TZ;
		const calendars = [];
		try {
			for (const zone of ['Pacific/Kiritimati', 'America/Adak', 'UTC']) {
				process.env.TZ = zone;
				calendars.push(await choreCalendar(admin.household, plusDays(today, -20), plusDays(today, 120)));
			}
		} finally {
			process.env.TZ = previous;
		}
		expect(calendars[1]).toEqual(calendars[0]);
		expect(calendars[2]).toEqual(calendars[0]);
		expect(calendars[0]!.length).toBeGreaterThan(30);
	});
});

describe('one person’s calendar', () => {
	it('is exactly the household calendar filtered to them, though it plans only their chores', async () => {
		const { householdId } = await seedDemoHousehold();
		const household = { id: householdId, timezone: 'Europe/Berlin' };
		const today = todayIn('Europe/Berlin');
		const everyone = await choreCalendar(household, plusDays(today, -20), plusDays(today, 20));
		const members = await getDb().selectFrom('members').select('id').where('householdId', '=', householdId).execute();
		for (const { id } of members) {
			const mine = await choreCalendar(household, plusDays(today, -20), plusDays(today, 20), id);
			expect(mine).toEqual(everyone.filter((o) => o.assigneeMemberId === id || o.doneByMemberId === id));
		}
	});
});

describe('bounds on planning', () => {
	it('refuses to plan further than two years ahead or five back (422 naming the field), and impossible days', async () => {
		const { admin, a, b, today } = await house();
		const chore = await createChore(admin, dailyChore([a, b], today, 'fair'));
		await expect(choreCalendar(admin.household, plusDays(today, 800), plusDays(today, 830))).rejects.toMatchObject({
			status: 422,
			fields: { to: expect.stringContaining('2 years') }
		});
		await expect(choreCalendar(admin.household, plusDays(today, -6 * 365), today)).rejects.toMatchObject({
			status: 422,
			fields: { from: expect.stringContaining('5 years') }
		});
		await expect(actOnOccurrence(admin, chore.id, '2100-12-31', { kind: 'skip', reason: 'far' })).rejects.toMatchObject({
			status: 422,
			fields: { dueOn: expect.any(String) }
		});
		for (const day of ['2027-02-30', '0000-00-00', '2027-13-01']) {
			await expect(actOnOccurrence(admin, chore.id, day, { kind: 'complete' })).rejects.toMatchObject({ status: 422, fields: { dueOn: expect.any(String) } });
		}
		// The far end of the bound is still planned.
		expect((await choreCalendar(admin.household, plusDays(today, 700), plusDays(today, 720))).length).toBe(21);
	});

	it('refuses a chore starting more than a year ago, and a start moved there', async () => {
		const { admin, a, today } = await house();
		await expect(createChore(admin, dailyChore([a], plusDays(today, -7 * 365)))).rejects.toMatchObject({
			status: 422,
			fields: { 'schedule.startOn': expect.any(String) }
		});
		const chore = await createChore(admin, dailyChore([a], today));
		await expect(updateChore(admin, chore.id, { schedule: { kind: 'daily', interval: 1, startOn: plusDays(today, -400) } })).rejects.toMatchObject({
			status: 422
		});
	});
});

describe('a chore added with a start in the past', () => {
	it('keeps its past when it is changed, in a household whose calendar was read before', async () => {
		const { admin, a, b, c, today } = await house();
		// The household's past is frozen through yesterday before the chore exists.
		await choreCalendar(admin.household, plusDays(today, -7), today);
		const chore = await createChore(admin, dailyChore([a, b, c], plusDays(today, -3)));
		const past = async () =>
			(await choreCalendar(admin.household, plusDays(today, -3), plusDays(today, -1))).filter((o) => o.choreId === chore.id).map((o) => o.assigneeMemberId);
		expect(await past()).toEqual([a, b, c]);
		await updateChore(admin, chore.id, { assignment: { strategy: 'fixed', memberIds: [b] } });
		expect(await past()).toEqual([a, b, c]);
		// A start moved earlier adds no days to the past either.
		await updateChore(admin, chore.id, { schedule: { kind: 'daily', interval: 1, startOn: plusDays(today, -10) } });
		expect(await past()).toEqual([a, b, c]);
		expect((await choreCalendar(admin.household, plusDays(today, -10), plusDays(today, -4))).filter((o) => o.choreId === chore.id)).toEqual([]);
	});
});

describe('reassigning one turn', () => {
	it('changes that occurrence only; the rotation goes on as planned', async () => {
		const { admin, a, b, c, today } = await house();
		const chore = await createChore(admin, dailyChore([a, b, c], today));
		await actOnOccurrence(admin, chore.id, plusDays(today, 1), { kind: 'reassign', memberId: c });
		const calendar = await choreCalendar(admin.household, today, plusDays(today, 4));
		expect(calendar.map((o) => o.assigneeMemberId)).toEqual([a, c, c, a, b]);
	});
});

describe('a chore of a member who has left', () => {
	it('stays editable with them in it; adding someone who left is refused', async () => {
		const { admin, a, b, c, today } = await house();
		const chore = await createChore(admin, dailyChore([a, b], today));
		await updateMember(admin, b, { active: false });
		await updateMember(admin, c, { active: false });
		expect((await updateChore(admin, chore.id, { name: 'Dishes after dinner', assignment: { strategy: 'rotate', memberIds: [a, b] } })).name).toBe(
			'Dishes after dinner'
		);
		await expect(updateChore(admin, chore.id, { assignment: { strategy: 'rotate', memberIds: [a, b, c] } })).rejects.toMatchObject({ status: 422 });
	});
});
