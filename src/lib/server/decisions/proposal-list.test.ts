import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { getDb } from '../db';
import { makeHousehold } from '../testing/factories';
import { createProposal } from './proposals';
import { listProposals, type ProposalPosition } from './proposal-list';
import { proposalsCsv } from './export';

/** A house with 3 open proposals and `closed` withdrawn ones, closed an hour apart (some at the same moment). */
async function houseWithHistory(closed: number) {
	const admin = await makeHousehold('Long History House');
	const householdId = admin.household.id;
	for (const hours of [30, 10, 20]) {
		await createProposal(admin, {
			title: `Open ${hours}`,
			body: '',
			kind: 'consent',
			rule: { threshold: 'majority', quorumPct: 0 },
			closesAt: new Date(Date.now() + hours * 3_600_000).toISOString()
		});
	}
	await sql`
		insert into proposals (household_id, author_member_id, title, body, kind, threshold, quorum_pct, voter_class, closes_at, status, closed_at, created_at)
		select ${householdId}::uuid, ${admin.member.id}::uuid, 'Closed ' || n, '', 'consent', 'majority', 0, 'all',
			now() - n * interval '1 hour', 'withdrawn', now() - (n / 2) * interval '1 hour', now() - n * interval '1 hour' - interval '1 day'
		from generate_series(1, ${closed}) n`.execute(getDb());
	return { admin, householdId };
}

describe('the proposals list', () => {
	it('pages through every proposal once: open ones closing soonest first, then closed ones newest first', async () => {
		const { householdId } = await houseWithHistory(230);
		const seen: Array<{ title: string; position: ProposalPosition }> = [];
		let after: ProposalPosition | undefined;
		for (let pages = 0; pages < 20; pages++) {
			const rows = await listProposals(householdId, { after, limit: 51 });
			seen.push(...rows.slice(0, 50));
			if (rows.length <= 50) break;
			after = rows[49]!.position;
		}
		expect(seen).toHaveLength(233);
		expect(new Set(seen.map((p) => p.title)).size).toBe(233);
		expect(seen.slice(0, 3).map((p) => p.title)).toEqual(['Open 10', 'Open 20', 'Open 30']);
		const closedAt = seen.slice(3).map((p) => p.position.at);
		expect(closedAt).toEqual([...closedAt].sort().reverse());
	});

	it('filters by open or closed and refuses nothing on a position from the other part', async () => {
		const { householdId } = await houseWithHistory(5);
		expect((await listProposals(householdId, { status: 'open', limit: 50 })).map((p) => p.status)).toEqual(['open', 'open', 'open']);
		const closed = await listProposals(householdId, { status: 'closed', limit: 50 });
		expect(closed).toHaveLength(5);
		expect(await listProposals(householdId, { status: 'open', after: closed[0]!.position, limit: 50 })).toEqual([]);
	});

	it('the decisions CSV holds every proposal, not only the newest 200', async () => {
		const { admin } = await houseWithHistory(230);
		const lines = (await proposalsCsv(admin.household)).trim().split('\n');
		expect(lines).toHaveLength(1 + 233);
	});
});
