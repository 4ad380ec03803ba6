/**
 * The household the access suites attack: an owner (admin), a member who is not admin,
 * a stranger with a house of their own, and one of each thing a route can name.
 */
import { mondayInWeeks } from './days';
import { call, newAccount, newHousehold } from './http';

export async function setUpGuardedHouse() {
	const owner = await newAccount('Owner');
	const member = await newAccount('Member');
	const stranger = await newAccount('Stranger');
	const household = await newHousehold(owner.token, 'Guarded House');
	await newHousehold(stranger.token, 'Stranger House');
	const invite = await call(`/api/v1/households/${household.id}/invites`, { method: 'POST', token: owner.token, body: { role: 'adult' } });
	await call(`/api/v1/invites/${invite.body.token}/accept`, { method: 'POST', token: member.token });
	const memberId = household.me.memberId;
	const base = `/api/v1/households/${household.id}`;
	const create = async (path: string, body: unknown): Promise<string> => {
		const response = await call(`${base}/${path}`, { method: 'POST', token: owner.token, body });
		if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
		return response.body.id;
	};
	const money = { payers: [{ memberId, amountMinor: 5000 }], split: { mode: 'equal', parts: [{ memberId }] } };
	const expenseId = await create('expenses', { description: 'Rent', amountMinor: 5000, spentOn: '2026-11-01', category: 'rent', ...money });
	const recurringId = await create('recurring-expenses', {
		description: 'Water',
		amountMinor: 5000,
		category: 'utilities',
		...money,
		schedule: { kind: 'monthly', dayOfMonth: 5, startOn: mondayInWeeks(8) }
	});
	const choreId = await create('chores', {
		name: 'Bins',
		schedule: { kind: 'daily', startOn: mondayInWeeks(8) },
		assignment: { strategy: 'rotate', memberIds: [memberId] }
	});
	const proposalId = await create('proposals', { title: 'Paint the hall', kind: 'consent', closesAt: new Date(Date.now() + 86_400_000).toISOString() });
	const thingId = await create('things', { name: 'Guest room', kind: 'room' });
	const booked = await call(`${base}/things/${thingId}/bookings`, {
		method: 'POST',
		token: owner.token,
		body: { startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), endsAt: new Date(Date.now() + 31 * 86_400_000).toISOString() }
	});
	if (booked.status !== 201) throw new Error(`booking: ${booked.status} ${JSON.stringify(booked.body)}`);
	const bookingId: string = booked.body.bookings[0].id;
	const servedAt = new Date(Date.now() + 30 * 86_400_000);
	const mealId = await create('meals', {
		servedAt: servedAt.toISOString(),
		closesAt: new Date(servedAt.getTime() - 6 * 3_600_000).toISOString(),
		menu: 'Soup'
	});
	const fundId = await create('funds', { name: 'House kitty', monthlyMinor: 6000 });
	const contributionId = await create(`funds/${fundId}/contributions`, { amountMinor: 2000 });
	return { owner, member, stranger, household, expenseId, recurringId, choreId, proposalId, thingId, bookingId, mealId, fundId, contributionId };
}

export type GuardedHouse = Awaited<ReturnType<typeof setUpGuardedHouse>>;

/**
 * A route id (`/h/[hid]/expenses/[eid]`) with the house's own ids in its parameters;
 * `more` fills others (`[dueOn]`, `[token]`) or puts someone else in `[mid]`.
 */
export function routeIn(house: GuardedHouse, route: string, more: Record<string, string> = {}): string {
	const ids: Record<string, string> = {
		hid: house.household.id,
		mid: house.household.me.memberId,
		eid: house.expenseId,
		rid: house.recurringId,
		cid: house.choreId,
		pid: house.proposalId,
		sid: house.thingId,
		bid: house.bookingId,
		meal: house.mealId,
		fund: house.fundId,
		contribution: house.contributionId,
		...more
	};
	return route.replace(/\[(\w+)\]/g, (parameter, name: string) => ids[name] ?? parameter);
}
