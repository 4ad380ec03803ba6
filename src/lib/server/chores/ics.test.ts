import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { makeHousehold, makeMember } from '../testing/factories';
import { plusDays, todayIn } from '$lib/dates';
import { createChore } from './chores';
import { feedIcs, feedResponse } from './ics';
import { actOnOccurrence } from './occurrences';
import { gunzipSync } from 'node:zlib';
import { regenerateFeed } from './feed-links';

const tokenOf = (path: string) => new URL(path, 'http://x').searchParams.get('token');

describe('ICS feeds', () => {
	it('parses, carries the household zone across daylight saving, and has stable UIDs — whatever the server zone', async () => {
		const previous = process.env.TZ;
		process.env.TZ = 'Pacific/Kiritimati';
		try {
			const house = await makeHousehold();
			const bo = await makeMember(house, 'Bo');
			const today = todayIn(house.household.timezone);
			await createChore(house, {
				name: 'Hoover',
				effort: 2,
				schedule: { kind: 'weekly', interval: 1, weekdays: [7], startOn: today, time: '10:00' },
				assignment: { strategy: 'rotate', memberIds: [house.member.id, bo.id] }
			});
			await createChore(house, {
				name: 'Plants',
				effort: 1,
				schedule: { kind: 'daily', interval: 3, startOn: today },
				assignment: { strategy: 'open', memberIds: [] }
			});
			const path = await regenerateFeed(house, 'household');
			const text = await feedIcs(house.household.id, null, tokenOf(path));
			const calendar = new ICAL.Component(ICAL.parse(text));
			const zone = calendar.getFirstSubcomponent('vtimezone')!;
			expect(zone.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
			// As a calendar app does: learn the zone from the feed itself.
			ICAL.TimezoneService.register(zone);
			const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
			const hoovers = events.filter((e) => e.summary.startsWith('Hoover'));
			expect(hoovers.length).toBeGreaterThan(20);
			for (const event of hoovers) {
				expect(event.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Berlin');
				expect(event.endDate.compare(event.startDate)).toBe(1);
				expect([event.startDate.hour, event.startDate.minute]).toEqual([10, 0]);
				expect(event.startDate.toJSDate().getUTCDay()).toBe(0);
			}
			// A Sunday in summer time and one in winter time are both 10:00 local: 08:00 and 09:00 UTC.
			const utcHours = new Set(hoovers.map((e) => e.startDate.toJSDate().getUTCHours()));
			expect([...utcHours].every((h) => h === 8 || h === 9)).toBe(true);
			const plants = events.filter((e) => e.summary.startsWith('Plants'));
			expect(plants[0]!.startDate.isDate).toBe(true);
			expect(plants.some((e) => e.startDate.toString() === plusDays(today, 3))).toBe(true);
			expect(plants[0]!.summary).toContain('anyone');
			const again = new ICAL.Component(ICAL.parse(await feedIcs(house.household.id, null, tokenOf(path))));
			expect(again.getAllSubcomponents('vevent').map((c) => c.getFirstPropertyValue('uid'))).toEqual(events.map((e) => e.uid));
		} finally {
			process.env.TZ = previous;
		}
	});

	it('a member feed shows only their chores; a new link stops the old one; a wrong token is 404', async () => {
		const house = await makeHousehold();
		const bo = await makeMember(house, 'Bo');
		const today = todayIn(house.household.timezone);
		await createChore(house, {
			name: 'Dishes',
			effort: 1,
			schedule: { kind: 'daily', interval: 1, startOn: today },
			assignment: { strategy: 'rotate', memberIds: [house.member.id, bo.id] }
		});
		const first = await regenerateFeed(house, 'member');
		const mine = new ICAL.Component(ICAL.parse(await feedIcs(house.household.id, house.member.id, tokenOf(first)))).getAllSubcomponents('vevent');
		const all = await regenerateFeed(house, 'household');
		const everything = new ICAL.Component(ICAL.parse(await feedIcs(house.household.id, null, tokenOf(all)))).getAllSubcomponents('vevent');
		expect(mine.length).toBeGreaterThan(0);
		expect(mine.length).toBeLessThan(everything.length);
		const second = await regenerateFeed(house, 'member');
		await expect(feedIcs(house.household.id, house.member.id, tokenOf(first))).rejects.toMatchObject({ status: 404 });
		await expect(feedIcs(house.household.id, house.member.id, tokenOf(second))).resolves.toContain('BEGIN:VCALENDAR');
		await expect(feedIcs(house.household.id, bo.id, tokenOf(second))).rejects.toMatchObject({ status: 404 });
		await expect(feedIcs(house.household.id, null, 'wrong')).rejects.toMatchObject({ status: 404 });
	});

	it('answers polls with an ETag (304 when unchanged), gzip when accepted, and shows a change at once', async () => {
		const house = await makeHousehold();
		const today = todayIn(house.household.timezone);
		const chore = await createChore(house, {
			name: 'Bins',
			effort: 1,
			schedule: { kind: 'daily', interval: 1, startOn: today },
			assignment: { strategy: 'rotate', memberIds: [house.member.id] }
		});
		const token = tokenOf(await regenerateFeed(house, 'household'));
		const poll = (headers: Record<string, string> = {}) => feedResponse(house.household.id, null, token, new Request('http://x/feed', { headers }));
		const first = await poll();
		const etag = first.headers.get('etag')!;
		const text = await first.text();
		expect(etag).toMatch(/^".+"$/);
		expect(first.headers.get('cache-control')).toBe('private, no-cache');
		expect((await poll({ 'if-none-match': etag })).status).toBe(304);
		const zipped = await poll({ 'accept-encoding': 'gzip, deflate, br' });
		expect(zipped.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')).toBe(text);
		// Done now: the next poll says so (a feed kept for a minute by time, as before, did not).
		await actOnOccurrence({ ...house, household: { ...house.household } }, chore.id, today, { kind: 'complete' });
		const after = await poll({ 'if-none-match': etag });
		expect(after.status).toBe(200);
		expect(after.headers.get('etag')).not.toBe(etag);
		expect(await after.text()).toContain('Bins — Founder (done)');
	});
});
