import { describe, expect, it } from 'vitest';
import { call, newAccount, newHousehold } from '../testing/http';
import { expectMatchesDocument } from '../testing/openapi-check';

async function setup() {
	const owner = await newAccount('Owner');
	const house = await newHousehold(owner.token, 'Chore House');
	const base = `/api/v1/households/${house.id}`;
	const add = async (displayName: string) => (await call(`${base}/members`, { method: 'POST', token: owner.token, body: { displayName, role: 'adult' } })).body.id as string;
	return { owner, house, base, a: house.me.memberId, b: await add('Bea'), c: await add('Cal') };
}

describe('the chores API', () => {
	it('creates a weekly rotating chore, lists it, shows the calendar in turn and acts on an occurrence', async () => {
		const { owner, base, a, b, c } = await setup();
		const created = await call(`${base}/chores`, {
			method: 'POST',
			token: owner.token,
			body: { name: 'Bins out', effort: 1, schedule: { kind: 'weekly', interval: 1, weekdays: [1], startOn: '2030-01-07', time: '19:00' }, assignment: { strategy: 'rotate', memberIds: [a, b, c] } }
		});
		expect(created.status).toBe(201);
		await expectMatchesDocument('POST', '/households/{hid}/chores', 201, created.body);
		const list = await call(`${base}/chores`, { token: owner.token });
		expect(list.body.items).toHaveLength(1);
		await expectMatchesDocument('GET', '/households/{hid}/chores', 200, list.body);

		const calendar = await call(`${base}/chore-calendar?from=2030-01-01&to=2030-01-31`, { token: owner.token });
		expect(calendar.status).toBe(200);
		expect(calendar.body.items.map((o: { dueOn: string; assigneeMemberId: string }) => [o.dueOn, o.assigneeMemberId])).toEqual([
			['2030-01-07', a],
			['2030-01-14', b],
			['2030-01-21', c],
			['2030-01-28', a]
		]);
		await expectMatchesDocument('GET', '/households/{hid}/chore-calendar', 200, calendar.body);

		const id = created.body.id;
		const done = await call(`${base}/chores/${id}/occurrences/2030-01-14/complete`, { method: 'POST', token: owner.token, body: { doneByMemberId: c } });
		expect(done.status).toBe(200);
		expect(done.body).toMatchObject({ status: 'done', assigneeMemberId: b, doneByMemberId: c });
		await expectMatchesDocument('POST', '/households/{hid}/chores/{cid}/occurrences/{dueOn}/complete', 200, done.body);
		expect((await call(`${base}/chores/${id}/occurrences/2030-01-14/complete`, { method: 'POST', token: owner.token, body: {} })).status).toBe(409);
		expect((await call(`${base}/chores/${id}/occurrences/2030-01-14/undo`, { method: 'POST', token: owner.token })).body.status).toBe('pending');
		expect((await call(`${base}/chores/${id}/occurrences/2030-01-21/skip`, { method: 'POST', token: owner.token, body: { reason: '  ' } })).status).toBe(400);
		expect((await call(`${base}/chores/${id}/occurrences/2030-01-21/skip`, { method: 'POST', token: owner.token, body: { reason: 'Holiday' } })).body.status).toBe('skipped');
		expect((await call(`${base}/chores/${id}/occurrences/2030-01-28/reassign`, { method: 'POST', token: owner.token, body: { memberId: b } })).body.assigneeMemberId).toBe(b);
		expect((await call(`${base}/chores/${id}/occurrences/2030-01-29/complete`, { method: 'POST', token: owner.token, body: {} })).status).toBe(404);

		const patched = await call(`${base}/chores/${id}`, { method: 'PATCH', token: owner.token, body: { effort: 3 } });
		expect(patched.body).toMatchObject({ effort: 3, version: 2 });
		const fairness = await call(`${base}/chore-fairness?from=2030-01-01&to=2030-01-31`, { token: owner.token });
		expect(fairness.status).toBe(200);
		await expectMatchesDocument('GET', '/households/{hid}/chore-fairness', 200, fairness.body);
	});

	it('answers 400/422 for bad chores and calendars, 404 to strangers', async () => {
		const { owner, base, a } = await setup();
		const noWeekdays = await call(`${base}/chores`, { method: 'POST', token: owner.token, body: { name: 'X', schedule: { kind: 'weekly', startOn: '2030-01-01' }, assignment: { strategy: 'rotate', memberIds: [a] } } });
		expect(noWeekdays.status).toBe(422);
		expect(noWeekdays.body.error.fields['schedule.weekdays']).toBeTruthy();
		const badEffort = await call(`${base}/chores`, { method: 'POST', token: owner.token, body: { name: 'X', effort: 9, schedule: { kind: 'daily', startOn: '2030-01-01' }, assignment: { strategy: 'open' } } });
		expect(badEffort.status).toBe(400);
		expect((await call(`${base}/chore-calendar?from=2030-02-01&to=2030-01-01`, { token: owner.token })).status).toBe(422);
		expect((await call(`${base}/chore-calendar?from=2030-01-01&to=2032-01-01`, { token: owner.token })).status).toBe(422);
		expect((await call(`${base}/chore-calendar?from=nope&to=2030-01-01`, { token: owner.token })).status).toBe(400);
		const stranger = await newAccount('Stranger');
		expect((await call(`${base}/chores`, { token: stranger.token })).status).toBe(404);
		expect((await call(`${base}/chore-calendar?from=2030-01-01&to=2030-01-31`, { token: stranger.token })).status).toBe(404);
		expect((await call(`${base}/chores`)).status).toBe(401);
	});
});
