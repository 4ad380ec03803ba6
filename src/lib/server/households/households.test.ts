import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inviteInput } from './schemas';
import { getDb } from '../db';
import { contextFor, makeHousehold, makeMember, makeUser } from '../testing/factories';
import { addAbsence } from './absences';
import { acceptInvite, createInvite, previewInvite } from './invites';
import { listMyHouseholds } from './households';
import { listMembers, updateMember } from './members';
import { listActivity } from '../activity/log';
import { captureLog } from '../testing/log-capture';

const ORIGIN = 'http://hearth.test';
const tokenOf = (url: string) => url.split('/invite/')[1]!;

describe('households', () => {
	it('makes the creator an adult admin member and logs it', async () => {
		const house = await makeHousehold('Oak Lane');
		expect(house.member).toMatchObject({ role: 'adult', isAdmin: true, active: true, userId: house.user.id });
		const activity = await listActivity(house.household.id);
		expect(activity.map((a) => a.action)).toContain('household.created');
	});

	it('lets one user belong to several households', async () => {
		const first = await makeHousehold('First');
		const second = await makeHousehold('Second');
		const invite = await createInvite(second, { role: 'adult' }, ORIGIN);
		await acceptInvite(first.user, tokenOf(invite.url));
		const mine = await listMyHouseholds(first.user.id);
		expect(mine.map((h) => h.name).sort()).toEqual(['First', 'Second']);
	});
});

describe('the last admin', () => {
	it('cannot drop their own admin flag, change role or leave', async () => {
		const house = await makeHousehold();
		const id = house.member.id;
		await expect(updateMember(house, id, { isAdmin: false })).rejects.toMatchObject({ status: 422, code: 'last_admin' });
		await expect(updateMember(house, id, { active: false })).rejects.toMatchObject({ status: 422, code: 'last_admin' });
		await expect(updateMember(house, id, { role: 'youth' })).rejects.toMatchObject({ status: 422, code: 'last_admin' });
		const [me] = await listMembers(house.household.id);
		expect(me).toMatchObject({ isAdmin: true, active: true, role: 'adult' });
	});

	it('can step down once another adult is admin', async () => {
		const house = await makeHousehold();
		const other = await makeMember(house, 'Jo', 'adult', true);
		const after = await updateMember(house, house.member.id, { isAdmin: false });
		expect(after.isAdmin).toBe(false);
		expect((await listMembers(house.household.id)).find((m) => m.id === other.id)?.isAdmin).toBe(true);
	});

	it('two admins stepping down at the same time leave one admin', async () => {
		const house = await makeHousehold();
		const joUser = await makeUser('Jo');
		const invite = await createInvite(house, { role: 'adult' }, ORIGIN);
		const { memberId: joId } = await acceptInvite(joUser.user, tokenOf(invite.url));
		await updateMember(house, joId, { isAdmin: true });
		const jo = await contextFor(house.household.id, joId);
		const results = await Promise.allSettled([updateMember(house, house.member.id, { isAdmin: false }), updateMember(jo, joId, { isAdmin: false })]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const admins = (await listMembers(house.household.id)).filter((m) => m.isAdmin && m.active);
		expect(admins).toHaveLength(1);
	});

	it('refuses an admin who is not an adult', async () => {
		const house = await makeHousehold();
		const kid = await makeMember(house, 'Kid', 'child');
		await expect(updateMember(house, kid.id, { isAdmin: true })).rejects.toMatchObject({ status: 422 });
	});
});

describe('members who leave', () => {
	it('are kept, marked inactive with a date, and can come back', async () => {
		const house = await makeHousehold();
		const gran = await makeMember(house, 'Gran', 'adult');
		const left = await updateMember(house, gran.id, { active: false });
		expect(left.active).toBe(false);
		expect(left.leftAt).toBeInstanceOf(Date);
		expect((await listMembers(house.household.id)).map((m) => m.id)).toContain(gran.id);
		const back = await updateMember(house, gran.id, { active: true });
		expect(back).toMatchObject({ active: true, leftAt: null });
		const actions = (await listActivity(house.household.id)).map((a) => a.action);
		expect(actions).toEqual(expect.arrayContaining(['member.left', 'member.returned', 'member.added']));
	});

	it('cannot be hard-deleted while history refers to them', async () => {
		const house = await makeHousehold();
		await expect(getDb().deleteFrom('members').where('id', '=', house.member.id).execute()).rejects.toThrow(/foreign key/);
	});
});

describe('invites', () => {
	it('honours the use limit, also when accepted in parallel', async () => {
		const house = await makeHousehold();
		const invite = await createInvite(house, { role: 'adult', maxUses: 2 }, ORIGIN);
		const users = await Promise.all([1, 2, 3, 4, 5].map((i) => makeUser(`Guest${i}`)));
		const results = await Promise.allSettled(users.map(({ user }) => acceptInvite(user, tokenOf(invite.url))));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
		for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ status: 410, code: 'invite_used_up' });
		const row = await getDb().selectFrom('invites').select('useCount').where('id', '=', invite.id).executeTakeFirstOrThrow();
		expect(row.useCount).toBe(2);
		expect(await listMembers(house.household.id)).toHaveLength(3);
	});

	it('says clearly when a link has expired', async () => {
		const house = await makeHousehold();
		const invite = await createInvite(house, { role: 'youth' }, ORIGIN);
		await getDb()
			.updateTable('invites')
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where('id', '=', invite.id)
			.execute();
		const { user } = await makeUser();
		await expect(previewInvite(tokenOf(invite.url))).rejects.toMatchObject({ status: 410, code: 'invite_expired' });
		await expect(acceptInvite(user, tokenOf(invite.url))).rejects.toMatchObject({ status: 410, code: 'invite_expired' });
	});

	it('says clearly when a link is unknown', async () => {
		const { user } = await makeUser();
		await expect(acceptInvite(user, 'a'.repeat(32))).rejects.toMatchObject({ status: 404, code: 'invite_invalid' });
		await expect(acceptInvite(user, '../../etc')).rejects.toMatchObject({ status: 404 });
	});

	it('lets a person claim the account-less member made for them', async () => {
		const house = await makeHousehold();
		const mia = await makeMember(house, 'Mia', 'youth');
		const invite = await createInvite(house, { role: 'adult', memberId: mia.id }, ORIGIN);
		const { user } = await makeUser('Mia');
		const joined = await acceptInvite(user, tokenOf(invite.url));
		expect(joined.memberId).toBe(mia.id);
		const claimed = (await listMembers(house.household.id)).find((m) => m.id === mia.id);
		expect(claimed).toMatchObject({ userId: user.id, role: 'youth' });
		const someoneElse = await makeUser('Impostor');
		await expect(acceptInvite(someoneElse.user, tokenOf(invite.url))).rejects.toMatchObject({ status: 410 });
	});

	it('stores only the hash of the token', async () => {
		const house = await makeHousehold();
		const invite = await createInvite(house, { role: 'adult' }, ORIGIN);
		const row = await getDb().selectFrom('invites').select('tokenHash').where('id', '=', invite.id).executeTakeFirstOrThrow();
		expect(row.tokenHash).not.toBe(tokenOf(invite.url));
		expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
	});

	it('a member who already belongs just lands in the household, spending no use', async () => {
		const house = await makeHousehold();
		const invite = await createInvite(house, { role: 'adult' }, ORIGIN);
		await acceptInvite(house.user, tokenOf(invite.url));
		const row = await getDb().selectFrom('invites').select('useCount').where('id', '=', invite.id).executeTakeFirstOrThrow();
		expect(row.useCount).toBe(0);
	});
});

describe('absences', () => {
	it('a member records their own; only admins record someone else’s', async () => {
		const house = await makeHousehold();
		const { user } = await makeUser('Rae');
		const invite = await createInvite(house, { role: 'adult' }, ORIGIN);
		const { memberId } = await acceptInvite(user, tokenOf(invite.url));
		const rae = await contextFor(house.household.id, memberId);
		await expect(addAbsence(rae, memberId, { from: '2026-12-01', to: '2026-12-03' })).resolves.toMatchObject({ from: '2026-12-01', to: '2026-12-03' });
		await expect(addAbsence(rae, house.member.id, { from: '2026-12-01', to: '2026-12-03' })).rejects.toMatchObject({ status: 403 });
		await expect(addAbsence(house, memberId, { from: '2026-12-10', to: '2026-12-12' })).resolves.toBeTruthy();
	});

	it('cannot point at a member of another household', async () => {
		const house = await makeHousehold();
		const other = await makeHousehold();
		await expect(addAbsence(house, other.member.id, { from: '2026-12-01', to: '2026-12-03' })).rejects.toMatchObject({ status: 404 });
	});
});

describe('activity log', () => {
	it('is append-only', async () => {
		const house = await makeHousehold();
		await expect(getDb().updateTable('activity').set({ summary: 'rewritten' }).where('householdId', '=', house.household.id).execute()).rejects.toThrow(
			/append-only/
		);
		await expect(getDb().deleteFrom('activity').where('householdId', '=', house.household.id).execute()).rejects.toThrow(/append-only/);
	});

	it('pages from a position, and takes one past what an id can be as no position (not a database error)', async () => {
		const house = await makeHousehold();
		const [newest] = await listActivity(house.household.id, { limit: 1 });
		expect(await listActivity(house.household.id, { before: newest!.id })).toEqual([]);
		expect((await listActivity(house.household.id, { before: '99999999999999999999' })).map((a) => a.id)).toEqual([newest!.id]);
	});
});

describe('adding a member', () => {
	it('takes the role’s preset parts unless given, and refuses a second active member of the same name unless meant', async () => {
		const { makeHousehold } = await import('../testing/factories');
		const { addMember } = await import('./members');
		const admin = await makeHousehold('Preset House');
		expect(await addMember(admin, { displayName: 'Kid', role: 'child' })).toMatchObject({ shareWeight: 0, choreCapacity: 0.5 });
		expect(await addMember(admin, { displayName: 'Teen', role: 'youth' })).toMatchObject({ shareWeight: 0.5, choreCapacity: 0.75 });
		expect(await addMember(admin, { displayName: 'Gran', role: 'adult', shareWeight: 0.5 })).toMatchObject({ shareWeight: 0.5, choreCapacity: 1 });
		await expect(addMember(admin, { displayName: 'kid', role: 'child' })).rejects.toMatchObject({
			status: 422,
			code: 'same_name',
			fields: { displayName: expect.stringContaining('already') }
		});
		expect((await addMember(admin, { displayName: 'Kid', role: 'child', allowSameName: true })).displayName).toBe('Kid');
	});
});

describe('an invite sent by email', () => {
	it('mails the link from ORIGIN (never the address the admin used), and the link joins the house', async () => {
		const house = await makeHousehold('Mail House');
		const mailDir = mkdtempSync(join(tmpdir(), 'hearth-mail-'));
		process.env.MAIL_DIR = mailDir;
		process.env.ORIGIN = 'https://hearth.example.org';
		const logged = captureLog();
		try {
			const invite = await createInvite(house, { role: 'adult', email: 'oma@family.example' }, 'http://evil.example');
			expect(invite.mailed).toBe(true);
			const mail = readdirSync(mailDir)
				.map((name) => readFileSync(join(mailDir, name), 'utf8'))
				.join('\n');
			expect(mail).toContain('To: oma@family.example');
			expect(mail).toContain(`Subject: Founder invites you to Mail House on Hearth`);
			expect(mail).toContain(`https://hearth.example.org/invite/${invite.token}`);
			expect(mail).not.toContain('evil.example');
			const joiner = await makeUser('Oma');
			await acceptInvite(joiner.user, invite.token);
			expect((await listMembers(house.household.id)).map((m) => m.displayName)).toContain('Oma');
		} finally {
			logged.restore();
			delete process.env.ORIGIN;
			delete process.env.MAIL_DIR;
		}
	});

	it('is refused whole without ORIGIN (503, no link made), and a bad address is a field error', async () => {
		const house = await makeHousehold('No Mail House');
		const before = { origin: process.env.ORIGIN, dev: process.env.HEARTH_DEV_ORIGIN };
		delete process.env.ORIGIN;
		delete process.env.HEARTH_DEV_ORIGIN;
		const original = console.error;
		console.error = () => undefined;
		try {
			await expect(createInvite(house, { role: 'adult', email: 'oma@family.example' }, ORIGIN)).rejects.toMatchObject({ status: 503 });
		} finally {
			console.error = original;
			if (before.origin) process.env.ORIGIN = before.origin;
			if (before.dev) process.env.HEARTH_DEV_ORIGIN = before.dev;
		}
		const invites = await getDb().selectFrom('invites').select('id').where('householdId', '=', house.household.id).execute();
		expect(invites).toHaveLength(0);
		expect(inviteInput.safeParse({ role: 'adult', email: 'not an address' }).success).toBe(false);
	});
});
