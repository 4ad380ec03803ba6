import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createECDH, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import ece from 'http_ece';
import { sql } from 'kysely';
import { getDb } from '../db';
import { contextFor, makeHousehold, makeHouseOfThree, makeMember, makeUser } from '../testing/factories';
import { acceptInvite, createInvite } from '../households/invites';
import { updateMember } from '../households/members';
import { createProposal } from '../decisions/proposals';
import { addComment } from '../decisions/comments';
import { closeProposal } from '../decisions/closing';
import { castVote } from '../decisions/votes';
import { createExpense } from '../money/expenses';
import { recordSettlement } from '../money/balances';
import { createChore } from '../chores/chores';
import { actOnOccurrence } from '../chores/occurrences';
import { plusDays, todayIn } from '$lib/dates';
import { DEFAULT_PREFERENCES, type Preferences } from '$lib/notifications/model';
import { notify } from './outbox';
import { deliverDue, MAX_ATTEMPTS } from './deliver';
import { savePreferences } from './preferences';
import { savePushSubscription } from './push';
import { remindChores, remindClosingSoon } from './reminders';
import { readUnsubscribeToken, unsubscribe, unsubscribeToken } from './unsubscribe';
import { inbox, markRead, openNotification, unreadCount } from './inbox';
import type { MemberContext } from '../households/context';

const ORIGIN = 'https://hearth.example';
const FAR = new Date(Date.now() + 30 * 86_400_000);

/** Every notification row of a house, with its event's kind. */
async function rowsOf(householdId: string) {
	return getDb()
		.selectFrom('notifications as n')
		.innerJoin('notificationEvents as e', (join) => join.onRef('e.householdId', '=', 'n.householdId').onRef('e.id', '=', 'n.eventId'))
		.select(['e.kind', 'n.memberId', 'n.channel', 'n.status', 'n.deliverAfter', 'n.onBehalfOf', 'n.attempts', 'e.facts'])
		.where('n.householdId', '=', householdId)
		.orderBy('n.createdAt')
		.execute();
}
const who = (rows: Awaited<ReturnType<typeof rowsOf>>, kind: string) =>
	rows
		.filter((r) => r.kind === kind)
		.map((r) => `${r.memberId}:${r.channel}`)
		.sort();

/** A local mail server that keeps what it receives (or refuses everything for a while: 451). */
async function mailbox() {
	const received: ParsedMail[] = [];
	const state = { refuse: false };
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, _session, callback) {
			if (state.refuse) {
				stream.resume();
				stream.on('end', () => callback(Object.assign(new Error('Try again later'), { responseCode: 451 })));
				return;
			}
			simpleParser(stream).then((mail) => {
				received.push(mail);
				callback();
			}, callback);
		}
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const port = (server.server.address() as AddressInfo).port;
	process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
	return { received, state, close: () => new Promise<void>((done) => server.close(() => done())) };
}

const listHeaders = (message: ParsedMail) => message.headers.get('list') as unknown as { unsubscribe: { url: string }; 'unsubscribe-post': { name: string } };

/** A push service stand-in: keeps each request; answers `status`. */
async function pushService() {
	const requests: Array<{ path: string; headers: IncomingHttpHeaders; body: Buffer }> = [];
	const state = { status: 201 };
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			requests.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) });
			response.statusCode = state.status;
			response.end();
		});
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const port = (server.address() as AddressInfo).port;
	return {
		requests,
		state,
		endpoint: (id: string) => `http://127.0.0.1:${port}/push/${id}`,
		close: () => new Promise<void>((done) => server.close(() => done()))
	};
}

/** A browser's push keys, as a device makes them: the private part stays here, to decrypt. */
function deviceKeys() {
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	const auth = randomBytes(16).toString('base64url');
	return { ecdh, auth, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth } };
}

let mail: Awaited<ReturnType<typeof mailbox>>;
beforeAll(async () => {
	process.env.ORIGIN = ORIGIN;
	mail = await mailbox();
});
afterAll(async () => {
	await mail.close();
	delete process.env.SMTP_URL;
	delete process.env.ORIGIN;
});
afterEach(() => {
	mail.received.length = 0;
	mail.state.refuse = false;
});

/** Delivery tests send from the whole outbox: what earlier tests left waiting is cleared first. */
const emptyOutbox = () => getDb().deleteFrom('notificationEvents').execute();

/** A house of three whose news so far (Bea's joining, told to the founder) is cleared: each test sees only what it does. */
async function house(name: string) {
	const three = await makeHouseOfThree(name);
	await getDb().deleteFrom('notificationEvents').where('householdId', '=', three.admin.household.id).execute();
	return three;
}

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
const vote = (title = 'Paint the hall') => ({
	title,
	body: '',
	kind: 'consent' as const,
	rule: { threshold: 'majority' as const, quorumPct: 0 },
	closesAt: inAWeek()
});

/** A house of three plus Lou (who left) and a stranger's house beside it. */
async function houseWithLeaver() {
	const { admin, bea, kid } = await house('Notified House');
	const { user } = await makeUser('Lou');
	const invite = await createInvite(admin, { role: 'adult' }, 'http://x');
	const { memberId: lou } = await acceptInvite(user, invite.url.split('/invite/')[1]!);
	await updateMember(admin, lou, { active: false });
	const stranger = await makeHousehold('Elsewhere');
	return { admin, bea, kid, lou, stranger };
}

describe('who is told', () => {
	it('a new proposal: every voter with a login but the author — not a member who left, not a child without a login, not another house', async () => {
		const { admin, bea, kid, lou, stranger } = await houseWithLeaver();
		await createProposal(admin, vote());
		const rows = await rowsOf(admin.household.id);
		// Votes by default: in the app and by push (no device here: no push row), no email.
		expect(who(rows, 'proposal.opened')).toEqual([`${bea.member.id}:app`]);
		expect(rows.filter((r) => r.kind === 'proposal.opened').some((r) => [admin.member.id, kid.id, lou].includes(r.memberId))).toBe(false);
		expect(await rowsOf(stranger.household.id)).toEqual([]);
	});

	it('an expense: each one involved but the actor, with their own share; the money digest by email', async () => {
		const { admin, bea, kid } = await house('Money House');
		const carl = await makeMember(admin, 'Carl');
		await createExpense(admin, {
			description: 'Groceries',
			amountMinor: 9000,
			spentOn: todayIn('Europe/Berlin'),
			category: 'groceries',
			payers: [{ memberId: admin.member.id, amountMinor: 9000 }],
			split: { mode: 'equal', parts: [{ memberId: admin.member.id }, { memberId: bea.member.id }, { memberId: kid.id }] }
		});
		const rows = (await rowsOf(admin.household.id)).filter((r) => r.kind === 'expense.added');
		expect(who(rows, 'expense.added')).toEqual([`${bea.member.id}:app`, `${bea.member.id}:email`]);
		expect(rows.find((r) => r.channel === 'email')).toMatchObject({ status: 'digest' });
		expect(rows.some((r) => r.memberId === carl.id)).toBe(false);
		const [item] = await inbox(bea);
		expect(item!.title).toBe('Founder added Groceries (€90.00); your share is €30.00');
	});

	it('a payment: the one paid; a mention: the one named; an invite accepted: the admins; a reassigned day: its new assignee', async () => {
		const { admin, bea } = await makeHouseOfThree('Busy House');
		await recordSettlement(bea, { fromMemberId: bea.member.id, toMemberId: admin.member.id, amountMinor: 1500 });
		const { id } = await createProposal(admin, vote('Garden'));
		await addComment(bea, id, 'What do you think, @founder? And @Nobody here.');
		const chore = await createChore(admin, {
			name: 'Dishes',
			effort: 1,
			schedule: { kind: 'daily', interval: 1, startOn: todayIn('Europe/Berlin') },
			assignment: { strategy: 'rotate', memberIds: [admin.member.id, bea.member.id] }
		});
		const today = todayIn('Europe/Berlin');
		await actOnOccurrence(admin, chore.id, plusDays(today, 2), { kind: 'reassign', memberId: bea.member.id });
		const rows = await rowsOf(admin.household.id);
		expect(who(rows, 'payment.received')).toEqual([`${admin.member.id}:app`, `${admin.member.id}:email`]);
		expect(who(rows, 'comment.mention')).toEqual([`${admin.member.id}:app`]);
		// Bea joined by invite (makeHouseOfThree): the founder, the only admin, was told.
		expect(who(rows, 'invite.accepted')).toEqual([`${admin.member.id}:app`, `${admin.member.id}:email`]);
		expect(who(rows, 'chore.assigned')).toEqual([`${bea.member.id}:app`]);
	});

	it('a rolled-back change tells nobody', async () => {
		const { admin } = await house('Rollback House');
		await expect(
			getDb()
				.transaction()
				.execute(async (trx) => {
					await notify(trx, {
						householdId: admin.household.id,
						kind: 'invite.accepted',
						actorMemberId: null,
						facts: { name: 'X' },
						path: '/',
						recipients: [admin.member.id]
					});
					throw new Error('the cause failed');
				})
		).rejects.toThrow('the cause failed');
		expect(await rowsOf(admin.household.id)).toEqual([]);
	});

	it('a proposal’s outcome reaches its voters but the admin who closed it', async () => {
		const { admin, bea } = await house('Outcome House');
		const { id } = await createProposal(admin, vote('Bikes'));
		await castVote(bea, id, { position: 'yes' });
		await closeProposal(admin, id);
		const rows = await rowsOf(admin.household.id);
		expect(who(rows, 'proposal.closed')).toEqual([`${bea.member.id}:app`]);
		expect((await inbox(bea))[0]!.title).toMatch(/^Decided: Bikes — /);
	});
});

describe('members without a login', () => {
	it('a child’s chore reminders go to their guardian (named as theirs) and to their reminder address; nothing else does', async () => {
		const { admin, bea, kid } = await house('Guarded House');
		await updateMember(admin, kid.id, { guardianMemberId: bea.member.id, reminderEmail: 'grandpa@family.example', version: kid.version });
		const today = todayIn('Europe/Berlin');
		await createChore(admin, {
			name: 'Feed the cat',
			effort: 1,
			schedule: { kind: 'daily', interval: 1, startOn: today },
			assignment: { strategy: 'fixed', memberIds: [kid.id] }
		});
		await remindChores(admin.household);
		const rows = await rowsOf(admin.household.id);
		expect(who(rows, 'chore.due')).toEqual([`${bea.member.id}:app`, `${kid.id}:email`].sort());
		expect(rows.find((r) => r.memberId === bea.member.id && r.kind === 'chore.due')).toMatchObject({ onBehalfOf: kid.id });
		expect((await inbox(bea)).map((i) => i.title)).toContain('Kid’s turn today: Feed the cat');
		// The chore reminder's email to the child's address waits for the morning of its day.
		const email = rows.find((r) => r.memberId === kid.id && r.kind === 'chore.due')!;
		expect(email.deliverAfter.getTime()).toBeGreaterThanOrEqual(new Date(`${today}T06:00:00Z`).getTime());
		// A vote is not a chore: the guardian is not told for the child.
		await createProposal(admin, vote());
		expect((await rowsOf(admin.household.id)).filter((r) => r.kind === 'proposal.opened' && r.onBehalfOf)).toEqual([]);
	});

	it('refuses a guardian who is not an adult with a login in this house', async () => {
		const { admin, kid } = await house('Picky House');
		const grandma = await makeMember(admin, 'Grandma');
		await expect(updateMember(admin, kid.id, { guardianMemberId: grandma.id, version: kid.version })).rejects.toMatchObject({
			status: 422,
			fields: { guardianMemberId: expect.any(String) }
		});
		await expect(updateMember(admin, kid.id, { guardianMemberId: kid.id, version: kid.version })).rejects.toMatchObject({ status: 422 });
	});
});

describe('reminders from the house’s clock', () => {
	it('chores due today, undone yesterday and next tomorrow are each written once, however often the step runs', async () => {
		const { admin, bea } = await house('Reminded House');
		const today = todayIn('Europe/Berlin');
		await createChore(admin, {
			name: 'Bins',
			effort: 1,
			schedule: { kind: 'daily', interval: 1, startOn: plusDays(today, -1) },
			assignment: { strategy: 'rotate', memberIds: [admin.member.id, bea.member.id] }
		});
		const first = await remindChores(admin.household);
		const again = await Promise.all([remindChores(admin.household), remindChores(admin.household)]);
		expect(first).toBe(3);
		expect(again).toEqual([0, 0]);
		const kinds = (await rowsOf(admin.household.id))
			.filter((r) => r.channel === 'app')
			.map((r) => r.kind)
			.sort();
		expect(kinds).toEqual(['chore.due', 'chore.next', 'chore.overdue']);
	});

	it('a proposal closing within a day reminds those who have not voted, once', async () => {
		const { admin, bea, kid } = await house('Closing House');
		const { id } = await createProposal(admin, vote('Solar panels'));
		await castVote(admin, id, { position: 'yes' });
		// It opened a week ago and closes in twelve hours.
		await sql`update proposals set created_at = now() - interval '7 days', closes_at = now() + interval '12 hours' where id = ${id}`.execute(getDb());
		expect(await remindClosingSoon(admin.household.id)).toBe(1);
		expect(await remindClosingSoon(admin.household.id)).toBe(0);
		const rows = await rowsOf(admin.household.id);
		expect(who(rows, 'proposal.closing')).toEqual([`${bea.member.id}:app`]);
		expect(rows.some((r) => r.kind === 'proposal.closing' && r.memberId === kid.id)).toBe(false);
	});
});

describe('choices and quiet hours', () => {
	/** The founder's new proposal, told to Bea as if it were `at`. */
	const proposalOpenedAt = (admin: MemberContext, bea: MemberContext, at: Date) =>
		getDb()
			.transaction()
			.execute((trx) =>
				notify(
					trx,
					{
						householdId: admin.household.id,
						kind: 'proposal.opened',
						actorMemberId: admin.member.id,
						facts: { actor: 'Founder', title: 'X' },
						path: '/',
						recipients: [bea.member.id]
					},
					at
				)
			);
	const choose = (context: MemberContext, change: (p: Preferences) => Preferences) =>
		savePreferences(context.household.id, context.member.id, change(structuredClone(DEFAULT_PREFERENCES)));

	it('a group turned off in the app writes no row; email at once is held by quiet hours until the morning, in the house’s zone', async () => {
		const { admin, bea } = await house('Choosy House');
		await choose(bea, (p) => ({ ...p, groups: { ...p.groups, votes: { app: false, push: false, email: 'now' } } }));
		// 23:30 in Berlin.
		const lateEvening = new Date('2026-12-02T22:30:00Z');
		await proposalOpenedAt(admin, bea, lateEvening);
		const rows = await rowsOf(admin.household.id);
		expect(rows.map((r) => `${r.channel}:${r.status}`)).toEqual(['email:pending']);
		expect(rows[0]!.deliverAfter.toISOString()).toBe('2026-12-03T07:00:00.000Z');
	});

	it('push: held past quiet hours; turning push off drops what was waiting', async () => {
		const { admin, bea } = await house('Quiet House');
		await savePushSubscription(bea.user.id, { endpoint: 'https://push.example/abc', keys: deviceKeys().keys });
		const lateEvening = new Date('2026-12-02T21:15:00Z');
		await proposalOpenedAt(admin, bea, lateEvening);
		const push = (await rowsOf(admin.household.id)).find((r) => r.channel === 'push')!;
		expect(push.deliverAfter.toISOString()).toBe('2026-12-03T07:00:00.000Z');
		await choose(bea, (p) => ({ ...p, groups: { ...p.groups, votes: { ...p.groups.votes, push: false } } }));
		expect((await rowsOf(admin.household.id)).map((r) => r.channel)).toEqual(['app']);
	});

	it('the bell: unread count, mark one read, mark all read — only one’s own', async () => {
		const { admin, bea } = await house('Bell House');
		await createProposal(admin, vote('One'));
		await createProposal(admin, vote('Two'));
		expect(await unreadCount(bea)).toBe(2);
		const [newest] = await inbox(bea);
		await markRead(admin, newest!.id);
		expect(await unreadCount(bea)).toBe(2);
		await markRead(bea, newest!.id);
		expect(await unreadCount(bea)).toBe(1);
		await markRead(bea);
		expect(await unreadCount(bea)).toBe(0);
	});

	it('opening a notification marks it read and leads to its page in this house — never someone else’s, never elsewhere', async () => {
		const { admin, bea } = await house('Opening House');
		const { id } = await createProposal(admin, vote('Open me'));
		const [item] = await inbox(bea);
		const centre = `/h/${bea.household.id}/notifications`;
		expect(await openNotification(admin, item!.id)).toBe(centre);
		expect(await unreadCount(bea)).toBe(1);
		expect(await openNotification(bea, item!.id)).toBe(`/h/${bea.household.id}/proposals/${id}`);
		expect(await unreadCount(bea)).toBe(0);
		expect(await openNotification(bea, 'not-an-id')).toBe(centre);
		// A stored path that would lead off this house (an imported or hand-edited row) opens the centre instead.
		await getDb().updateTable('notificationEvents').set({ path: 'https://evil.example/' }).where('householdId', '=', bea.household.id).execute();
		expect(await openNotification(bea, item!.id)).toBe(centre);
	});
});

describe('email delivery', () => {
	beforeEach(emptyOutbox);
	async function proposalEmailFor() {
		const { admin, bea } = await house('Mail House');
		await savePreferences(bea.household.id, bea.member.id, {
			...DEFAULT_PREFERENCES,
			quiet: null,
			groups: { ...DEFAULT_PREFERENCES.groups, votes: { app: true, push: false, email: 'now' } }
		});
		await createProposal(admin, vote('New sofa'));
		return { admin, bea };
	}

	it('sends a real message: the house in the subject, text and HTML, a link from ORIGIN and a signed one-click unsubscribe', async () => {
		const { bea } = await proposalEmailFor();
		expect(await deliverDue()).toMatchObject({ sent: 1, failed: 0 });
		expect(mail.received).toHaveLength(1);
		const [message] = mail.received;
		expect(message!.subject).toBe('[Mail House] Founder asks for your vote: New sofa');
		expect(message!.to).toMatchObject({ text: bea.user.email });
		expect(message!.text).toContain(`${ORIGIN}/h/${bea.household.id}/proposals/`);
		expect(message!.html).toContain('<a href="https://hearth.example/h/');
		// mailparser reads the List-* headers into one: { unsubscribe: { url }, 'unsubscribe-post': { name } }.
		const list = listHeaders(message!);
		const listUnsubscribe = list.unsubscribe;
		expect(listUnsubscribe.url).toMatch(new RegExp(`^${ORIGIN}/unsubscribe/`));
		expect(list['unsubscribe-post'].name).toBe('List-Unsubscribe=One-Click');
		// No secret of the account: the link carries only who and what to stop, signed.
		expect(message!.text).not.toMatch(/session|password|token=/i);
		const token = listUnsubscribe.url.split('/unsubscribe/')[1]!;
		const target = await readUnsubscribeToken(token);
		expect(target).toEqual({ householdId: bea.household.id, memberId: bea.member.id, scope: 'votes' });
		expect(await unsubscribe(target!)).toBe(true);
		const stored = await getDb().selectFrom('notificationPreferences').select('choices').where('memberId', '=', bea.member.id).executeTakeFirstOrThrow();
		expect((stored.choices as Preferences).groups.votes.email).toBe('off');
		// A changed letter in the signature, or a token of another member, is refused.
		expect(await readUnsubscribeToken(token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA'))).toBeNull();
		expect(await readUnsubscribeToken('not.a-token')).toBeNull();
	});

	it('in the recipient’s language', async () => {
		const { admin, bea } = await house('Sprachhaus');
		await getDb().updateTable('users').set({ locale: 'de' }).where('id', '=', bea.user.id).execute();
		await savePreferences(bea.household.id, bea.member.id, {
			...DEFAULT_PREFERENCES,
			quiet: null,
			groups: { ...DEFAULT_PREFERENCES.groups, votes: { app: true, push: false, email: 'now' } }
		});
		await createProposal(admin, vote('Neues Sofa'));
		await deliverDue();
		expect(mail.received[0]!.subject).toBe('[Sprachhaus] Founder bittet um deine Stimme: Neues Sofa');
		expect(mail.received[0]!.text).toContain('Diese E-Mails abbestellen');
	});

	it('two workers at once send each email once; a second run sends nothing more', async () => {
		const { admin, bea } = await house('Parallel House');
		await savePreferences(bea.household.id, bea.member.id, {
			...DEFAULT_PREFERENCES,
			quiet: null,
			groups: { ...DEFAULT_PREFERENCES.groups, votes: { app: true, push: false, email: 'now' } }
		});
		for (let i = 0; i < 12; i++) await createProposal(admin, vote(`Idea ${i}`));
		const runs = await Promise.all([deliverDue(new Date(), 5), deliverDue(new Date(), 5), deliverDue(new Date(), 5)]);
		const more = await Promise.all([deliverDue(), deliverDue()]);
		expect(runs.reduce((n, r) => n + r.sent, 0) + more.reduce((n, r) => n + r.sent, 0)).toBe(12);
		expect(mail.received).toHaveLength(12);
		expect(new Set(mail.received.map((m) => m.subject)).size).toBe(12);
		expect(await deliverDue()).toMatchObject({ sent: 0 });
	});

	it('after a restart: a row whose worker died mid-way is sent once its claim runs out; a sent one never again', async () => {
		await proposalEmailFor();
		// A worker claimed it and died: the row says "sending" with a claim that has run out.
		await sql`update notifications set status = 'sending', claimed_until = now() - interval '1 minute', attempts = 1 where channel = 'email'`.execute(getDb());
		expect(await deliverDue()).toMatchObject({ sent: 1 });
		expect(await deliverDue(FAR)).toMatchObject({ sent: 0 });
		expect(mail.received).toHaveLength(1);
	});

	it('a mail server that says "try later" is retried with growing waits, then given up on', async () => {
		const { bea } = await proposalEmailFor();
		mail.state.refuse = true;
		const start = new Date();
		expect(await deliverDue(start)).toMatchObject({ retried: 1 });
		const [row] = (await rowsOf(bea.household.id)).filter((r) => r.channel === 'email');
		expect(row).toMatchObject({ status: 'pending', attempts: 1 });
		expect(row!.deliverAfter.getTime() - start.getTime()).toBe(30_000);
		// Not before its wait is over.
		expect(await deliverDue(new Date(start.getTime() + 10_000))).toMatchObject({ sent: 0, retried: 0 });
		let at = start.getTime();
		for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
			at += 7 * 3_600_000;
			await deliverDue(new Date(at));
		}
		expect((await rowsOf(bea.household.id)).find((r) => r.channel === 'email')).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
		mail.state.refuse = false;
		expect(await deliverDue(FAR)).toMatchObject({ sent: 0 });
	});

	it('a digest gathers one person’s waiting emails into one message, at its time', async () => {
		const { admin, bea } = await house('Digest House');
		for (const [description, amountMinor] of [
			['Bread', 400],
			['Milk', 200],
			['Soap', 600]
		] as const) {
			await createExpense(admin, {
				description,
				amountMinor,
				spentOn: todayIn('Europe/Berlin'),
				category: 'groceries',
				payers: [{ memberId: admin.member.id, amountMinor }],
				split: { mode: 'equal', parts: [{ memberId: admin.member.id }, { memberId: bea.member.id }] }
			});
		}
		expect(await deliverDue()).toMatchObject({ sent: 0 });
		expect(await deliverDue(FAR)).toMatchObject({ sent: 3 });
		expect(mail.received).toHaveLength(1);
		const [digest] = mail.received;
		expect(digest!.subject).toBe('[Digest House] Your digest: 3');
		for (const item of ['Bread', 'Milk', 'Soap']) expect(digest!.text).toContain(item);
		expect(digest!.text).toContain('Stop all emails from this house');
		const token = listHeaders(digest!).unsubscribe.url.split('/unsubscribe/')[1]!;
		expect(await readUnsubscribeToken(token)).toMatchObject({ scope: 'all' });
	});

	it('an unsubscribe link for another house’s member is refused, and signing is this server’s', async () => {
		const { bea } = await house('Signed House');
		const token = await unsubscribeToken({ householdId: bea.household.id, memberId: bea.member.id, scope: 'money' });
		const [payload, signature] = token.split('.');
		const forged = Buffer.from(`${bea.household.id}.${crypto.randomUUID()}.money`).toString('base64url');
		expect(await readUnsubscribeToken(`${forged}.${signature}`)).toBeNull();
		expect(await readUnsubscribeToken(`${payload}.${signature}`)).not.toBeNull();
	});
});

describe('push delivery', () => {
	beforeEach(emptyOutbox);
	it('the push service receives the notification encrypted for the device (RFC 8291), with this server’s VAPID signature', async () => {
		const service = await pushService();
		try {
			const { admin, bea } = await house('Push House');
			const device = deviceKeys();
			await savePushSubscription(bea.user.id, { endpoint: service.endpoint('bea-phone'), keys: device.keys });
			await savePreferences(bea.household.id, bea.member.id, { ...DEFAULT_PREFERENCES, quiet: null });
			const { id } = await createProposal(admin, vote('Heat pump'));
			expect(await deliverDue()).toMatchObject({ sent: 1 });
			expect(service.requests).toHaveLength(1);
			const [request] = service.requests;
			expect(request!.path).toBe('/push/bea-phone');
			expect(request!.headers['content-encoding']).toBe('aes128gcm');
			expect(request!.headers.authorization).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
			const payload = JSON.parse(ece.decrypt(request!.body, { version: 'aes128gcm', privateKey: device.ecdh, authSecret: device.auth }).toString());
			expect(payload).toEqual({ title: 'Founder asks for your vote: Heat pump', path: `/h/${admin.household.id}/proposals/${id}`, tag: expect.any(String) });
		} finally {
			await service.close();
		}
	});

	it('a subscription the push service has forgotten (410) is dropped; a 5xx is retried', async () => {
		const service = await pushService();
		try {
			const { admin, bea } = await house('Gone House');
			await savePushSubscription(bea.user.id, { endpoint: service.endpoint('old-phone'), keys: deviceKeys().keys });
			await savePreferences(bea.household.id, bea.member.id, { ...DEFAULT_PREFERENCES, quiet: null });
			service.state.status = 503;
			await createProposal(admin, vote('A'));
			expect(await deliverDue()).toMatchObject({ retried: 1 });
			service.state.status = 410;
			expect(await deliverDue(FAR)).toMatchObject({ failed: 1 });
			expect(await getDb().selectFrom('pushSubscriptions').select('endpoint').where('userId', '=', bea.user.id).execute()).toEqual([]);
		} finally {
			await service.close();
		}
	});
});

describe('a member who is also elsewhere', () => {
	it('is told in each house of that house’s news only', async () => {
		const { admin, bea } = await house('First House');
		const second = await makeHousehold('Second House');
		const invite = await createInvite(second, { role: 'adult' }, 'http://x');
		const { memberId } = await acceptInvite(bea.user, invite.url.split('/invite/')[1]!);
		const beaThere = await contextFor(second.household.id, memberId);
		await createProposal(admin, vote('Here'));
		expect(await unreadCount(bea)).toBe(1);
		expect(await unreadCount(beaThere)).toBe(0);
	});
});
