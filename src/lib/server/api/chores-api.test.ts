import { describe, expect, it } from 'vitest';
import { baseUrl, call, newAccount, newHousehold } from '../testing/http';
import { expectMatchesDocument } from '../testing/openapi-check';
import { mondayInWeeks, shift } from '../testing/days';

/** A Monday some weeks ahead: the chores here run near today, inside the planning bounds. */
const M = mondayInWeeks(6);

async function setup() {
	const owner = await newAccount('Owner');
	const house = await newHousehold(owner.token, 'Chore House');
	const base = `/api/v1/households/${house.id}`;
	const add = async (displayName: string) =>
		(await call(`${base}/members`, { method: 'POST', token: owner.token, body: { displayName, role: 'adult' } })).body.id as string;
	return { owner, house, base, a: house.me.memberId, b: await add('Bea'), c: await add('Cal') };
}

describe('the chores API', () => {
	it('creates a weekly rotating chore, lists it, shows the calendar in turn and acts on an occurrence', async () => {
		const { owner, base, a, b, c } = await setup();
		const created = await call(`${base}/chores`, {
			method: 'POST',
			token: owner.token,
			body: {
				name: 'Bins out',
				effort: 1,
				schedule: { kind: 'weekly', interval: 1, weekdays: [1], startOn: M, time: '19:00' },
				assignment: { strategy: 'rotate', memberIds: [a, b, c] }
			}
		});
		expect(created.status).toBe(201);
		await expectMatchesDocument('POST', '/households/{hid}/chores', 201, created.body);
		const list = await call(`${base}/chores`, { token: owner.token });
		expect(list.body.items).toHaveLength(1);
		await expectMatchesDocument('GET', '/households/{hid}/chores', 200, list.body);

		const calendar = await call(`${base}/chore-calendar?from=${shift(M, -6)}&to=${shift(M, 24)}`, { token: owner.token });
		expect(calendar.status).toBe(200);
		expect(calendar.body.items.map((o: { dueOn: string; assigneeMemberId: string }) => [o.dueOn, o.assigneeMemberId])).toEqual([
			[M, a],
			[shift(M, 7), b],
			[shift(M, 14), c],
			[shift(M, 21), a]
		]);
		await expectMatchesDocument('GET', '/households/{hid}/chore-calendar', 200, calendar.body);

		const id = created.body.id;
		const done = await call(`${base}/chores/${id}/occurrences/${shift(M, 7)}/complete`, { method: 'POST', token: owner.token, body: { doneByMemberId: c } });
		expect(done.status).toBe(200);
		expect(done.body).toMatchObject({ status: 'done', assigneeMemberId: b, doneByMemberId: c });
		await expectMatchesDocument('POST', '/households/{hid}/chores/{cid}/occurrences/{dueOn}/complete', 200, done.body);
		expect((await call(`${base}/chores/${id}/occurrences/${shift(M, 7)}/complete`, { method: 'POST', token: owner.token, body: {} })).status).toBe(409);
		expect((await call(`${base}/chores/${id}/occurrences/${shift(M, 7)}/undo`, { method: 'POST', token: owner.token })).body.status).toBe('pending');
		expect((await call(`${base}/chores/${id}/occurrences/${shift(M, 14)}/skip`, { method: 'POST', token: owner.token, body: { reason: '  ' } })).status).toBe(
			400
		);
		expect(
			(await call(`${base}/chores/${id}/occurrences/${shift(M, 14)}/skip`, { method: 'POST', token: owner.token, body: { reason: 'Holiday' } })).body.status
		).toBe('skipped');
		expect(
			(await call(`${base}/chores/${id}/occurrences/${shift(M, 21)}/reassign`, { method: 'POST', token: owner.token, body: { memberId: b } })).body
				.assigneeMemberId
		).toBe(b);
		expect((await call(`${base}/chores/${id}/occurrences/${shift(M, 22)}/complete`, { method: 'POST', token: owner.token, body: {} })).status).toBe(404);

		const patched = await call(`${base}/chores/${id}`, { method: 'PATCH', token: owner.token, body: { effort: 3, version: 1 } });
		expect(patched.body).toMatchObject({ effort: 3, version: 2 });
		// A save made from version 1 again would overwrite that change: 409 saying what is saved now.
		const stale = await call(`${base}/chores/${id}`, { method: 'PATCH', token: owner.token, body: { effort: 5, name: 'Bins (both)', version: 1 } });
		expect(stale.status).toBe(409);
		expect(stale.body.error.message).toContain('effort 3');
		expect(stale.body.error.fields.version).toBeTruthy();
		expect((await call(`${base}/chores/${id}`, { method: 'PATCH', token: owner.token, body: { effort: 5 } })).status).toBe(400);
		expect((await call(`${base}/chores`, { token: owner.token })).body.items[0]).toMatchObject({ effort: 3, name: 'Bins out' });
		const fairness = await call(`${base}/chore-fairness?from=${shift(M, -6)}&to=${shift(M, 24)}`, { token: owner.token });
		expect(fairness.status).toBe(200);
		await expectMatchesDocument('GET', '/households/{hid}/chore-fairness', 200, fairness.body);
	});

	it('answers 400/422 for bad chores and calendars, 404 to strangers', async () => {
		const { owner, base, a } = await setup();
		const noWeekdays = await call(`${base}/chores`, {
			method: 'POST',
			token: owner.token,
			body: { name: 'X', schedule: { kind: 'weekly', startOn: shift(M, -6) }, assignment: { strategy: 'rotate', memberIds: [a] } }
		});
		expect(noWeekdays.status).toBe(422);
		expect(noWeekdays.body.error.fields['schedule.weekdays']).toBeTruthy();
		const badEffort = await call(`${base}/chores`, {
			method: 'POST',
			token: owner.token,
			body: { name: 'X', effort: 9, schedule: { kind: 'daily', startOn: shift(M, -6) }, assignment: { strategy: 'open' } }
		});
		expect(badEffort.status).toBe(400);
		expect((await call(`${base}/chore-calendar?from=${shift(M, 20)}&to=${shift(M, -6)}`, { token: owner.token })).status).toBe(422);
		expect((await call(`${base}/chore-calendar?from=${shift(M, -6)}&to=${shift(M, 400)}`, { token: owner.token })).status).toBe(422);
		expect((await call(`${base}/chore-calendar?from=nope&to=${shift(M, -6)}`, { token: owner.token })).status).toBe(400);
		const stranger = await newAccount('Stranger');
		expect((await call(`${base}/chores`, { token: stranger.token })).status).toBe(404);
		expect((await call(`${base}/chore-calendar?from=${shift(M, -6)}&to=${shift(M, 24)}`, { token: stranger.token })).status).toBe(404);
		expect((await call(`${base}/chores`)).status).toBe(401);
	});
});

describe('the chore edit form, without JavaScript', () => {
	it('refuses a save made from a stale version with 409: says what changed, keeps what was typed, and a second save goes through', async () => {
		const { owner, house, base, a } = await setup();
		const created = await call(`${base}/chores`, {
			method: 'POST',
			token: owner.token,
			body: {
				name: 'Bins out',
				effort: 1,
				schedule: { kind: 'weekly', interval: 1, weekdays: [1], startOn: M },
				assignment: { strategy: 'rotate', memberIds: [a] }
			}
		});
		// Someone else saves first.
		expect(
			(await call(`${base}/chores/${created.body.id}`, { method: 'PATCH', token: owner.token, body: { name: 'Bins and recycling', version: 1 } })).status
		).toBe(200);
		const form = {
			version: '1',
			name: 'My typed name',
			effort: '2',
			kind: 'weekly',
			interval: '1',
			weekdays: '1',
			startOn: M,
			strategy: 'rotate',
			[`turn_${a}`]: '1'
		};
		const post = (fields: Record<string, string>) =>
			fetch(`${baseUrl()}/h/${house.id}/chores/${created.body.id}?/save`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl(), cookie: `hearth_session=${owner.token}`, accept: 'text/html' },
				body: new URLSearchParams(fields),
				redirect: 'manual'
			});
		const refused = await post(form);
		expect(refused.status).toBe(409);
		const html = await refused.text();
		expect(html).toContain('Someone else saved this chore after you opened it');
		expect(html).toContain('“Bins and recycling”');
		expect(html).toContain('value="My typed name"');
		expect(html).toMatch(/name="version" value="2"/);
		expect((await call(`${base}/chores`, { token: owner.token })).body.items[0].name).toBe('Bins and recycling');
		const again = await post({ ...form, version: '2' });
		expect(again.status).toBeLessThan(400);
		expect((await call(`${base}/chores`, { token: owner.token })).body.items[0].name).toBe('My typed name');
	});
});
