import { describe, expect, it } from 'vitest';
import { contextFor, makeHousehold, makeMember } from '../testing/factories';
import { markActivitySeen, sinceLastVisit, SINCE_LAST_VISIT_SHOWN } from './seen';

describe('since your last visit', () => {
	it('shows nothing on a first visit, then what others did after the mark, newest first, not what I did', async () => {
		const founder = await makeHousehold('Seen House');
		const first = await sinceLastVisit(founder);
		expect(first.items).toEqual([]);
		await markActivitySeen(founder, first.newestId);

		const rosa = await makeMember(founder, 'Rosa', 'adult', true);
		const asRosa = await contextFor(founder.household.id, rosa.id);
		await makeMember(asRosa, 'Leo', 'child');
		await makeMember(asRosa, 'Mia', 'youth');
		const later = await sinceLastVisit(founder);
		// "Founder added Rosa" was the founder's own doing.
		expect(later.items.map((i) => i.summary)).toEqual(['Rosa added Mia (youth).', 'Rosa added Leo (child).']);
		expect(later.more).toBe(0);

		await markActivitySeen(founder, later.newestId);
		expect((await sinceLastVisit(founder)).items).toEqual([]);
	});

	it('counts what is beyond the first few, never moves the mark back, and never past the newest entry', async () => {
		const founder = await makeHousehold('Busy House');
		const start = await sinceLastVisit(founder);
		await markActivitySeen(founder, start.newestId);
		const rosa = await contextFor(founder.household.id, (await makeMember(founder, 'Rosa', 'adult', true)).id);
		for (let i = 0; i < SINCE_LAST_VISIT_SHOWN + 3; i++) await makeMember(rosa, `Child ${i}`, 'child');
		const busy = await sinceLastVisit(founder);
		expect(busy.items).toHaveLength(SINCE_LAST_VISIT_SHOWN);
		expect(busy.more).toBe(3);
		// An old page sending an old mark changes nothing.
		await markActivitySeen(founder, start.newestId);
		expect((await sinceLastVisit(founder)).more).toBe(3);
		// A mark from the future is the newest entry: what comes next is still news.
		await markActivitySeen(founder, busy.newestId + 1000);
		await makeMember(rosa, 'Late', 'child');
		expect((await sinceLastVisit(founder)).items.map((i) => i.summary)).toEqual(['Rosa added Late (child).']);
	});
});
