import { pathTo } from '$lib/paths';
import { getDb } from '$lib/server/db';
import type { Role } from '$lib/server/db/schema';
import type { SessionUser } from '$lib/server/auth/sessions';
import { generateToken, hashToken } from '$lib/server/auth/tokens';
import { DomainError, notFound } from '$lib/server/errors';
import { audit, logActivity } from '$lib/server/activity/log';
import { enforce, LIMITS } from '$lib/server/auth/rate-limit';
import type { MemberContext } from './context';
import type { InviteInput } from './schemas';
import { requireMailOrigin } from '$lib/server/origin';
import { sendMail } from '$lib/server/mail';
import { formatInstant } from '$lib/dates';
import { m } from '$lib/paraglide/messages';
import { formattingLocale } from '$lib/i18n/locales';
import { membersWithLogin, notify } from '$lib/server/notifications/outbox';
import { log } from '$lib/server/observability/log';

const DEFAULT_EXPIRY_DAYS = 7;
const DAY_MS = 86_400_000;

export interface CreatedInvite {
	id: string;
	token: string;
	url: string;
	expiresAt: Date;
	/** Asked to send it by email: whether the mail went (the link works either way). */
	mailed?: boolean;
}

export interface InviteListItem {
	id: string;
	role: Role;
	memberName: string | null;
	maxUses: number;
	useCount: number;
	expiresAt: Date;
	revokedAt: Date | null;
	createdAt: Date;
}

export function inviteUrl(origin: string, token: string): string {
	return `${origin}${pathTo('/invite/[token]', { token })}`;
}

/**
 * The token is shown once, here; only its hash is stored. An invite for an existing
 * account-less member takes that member's role and can be used once.
 */
export async function createInvite(context: MemberContext, input: InviteInput, origin: string): Promise<CreatedInvite> {
	// Before anything is stored: without ORIGIN no mail can carry a trustworthy link (503).
	const linkInMail = input.email ? requireMailOrigin() : null;
	const invite = await insertInvite(context, input, origin);
	if (!input.email || !linkInMail) return invite;
	return { ...invite, mailed: await mailInvite(context, input.email, inviteUrl(linkInMail, invite.token), invite.expiresAt) };
}

async function mailInvite(context: MemberContext, to: string, url: string, expiresAt: Date): Promise<boolean> {
	const { household, member } = context;
	try {
		await sendMail({
			to,
			// The invitee has no account yet, so no language of their own: the household's.
			subject: m.mail_invite_subject({ name: member.displayName, household: household.name }, { locale: household.locale }),
			text: m.mail_invite_body(
				{
					name: member.displayName,
					household: household.name,
					until: formatInstant(expiresAt, household.timezone, formattingLocale(household.locale)),
					link: url
				},
				{ locale: household.locale }
			)
		});
		return true;
	} catch (failure) {
		log.error({ err: failure }, 'Invite mail was not sent');
		return false;
	}
}

async function insertInvite(context: MemberContext, input: InviteInput, origin: string): Promise<CreatedInvite> {
	const householdId = context.household.id;
	return getDb()
		.transaction()
		.execute(async (trx) => {
			let role = input.role;
			let maxUses = input.maxUses ?? 1;
			let memberName: string | null = null;
			if (input.memberId) {
				const member = await trx
					.selectFrom('members')
					.select(['displayName', 'role', 'userId', 'active'])
					.where('householdId', '=', householdId)
					.where('id', '=', input.memberId)
					.executeTakeFirst();
				if (!member) throw new DomainError(422, 'unknown_member', m.e_member_of_this(), { memberId: m.e_member_of_this() });
				if (member.userId)
					throw new DomainError(422, 'member_has_login', m.e_member_has_login({ name: member.displayName }), {
						memberId: m.e_member_has_login({ name: member.displayName })
					});
				if (!member.active)
					throw new DomainError(422, 'member_left', m.e_member_left({ name: member.displayName }), {
						memberId: m.e_member_left({ name: member.displayName })
					});
				role = member.role;
				maxUses = 1;
				memberName = member.displayName;
			}
			const token = generateToken();
			const expiresAt = new Date(Date.now() + (input.expiresInDays ?? DEFAULT_EXPIRY_DAYS) * DAY_MS);
			const invite = await trx
				.insertInto('invites')
				.values({ householdId, tokenHash: hashToken(token), role, memberId: input.memberId ?? null, maxUses, expiresAt, createdByMemberId: context.member.id })
				.returning('id')
				.executeTakeFirstOrThrow();
			await audit(trx, context, {
				action: 'invite.created',
				subjectType: 'invite',
				subjectId: invite.id,
				facts: memberName
					? { actor: context.member.displayName, member: memberName }
					: { actor: context.member.displayName, role, uses: maxUses, ...(input.email ? { email: input.email } : {}) },
				details: { role, maxUses, expiresAt: expiresAt.toISOString() }
			});
			return { id: invite.id, token, url: inviteUrl(origin, token), expiresAt };
		});
}

export async function listInvites(householdId: string): Promise<InviteListItem[]> {
	return getDb()
		.selectFrom('invites')
		.leftJoin('members', (join) => join.onRef('members.householdId', '=', 'invites.householdId').onRef('members.id', '=', 'invites.memberId'))
		.select(['invites.id', 'invites.role', 'invites.maxUses', 'invites.useCount', 'invites.expiresAt', 'invites.revokedAt', 'invites.createdAt'])
		.select('members.displayName as memberName')
		.where('invites.householdId', '=', householdId)
		.orderBy('invites.createdAt', 'desc')
		.limit(50)
		.execute();
}

export async function revokeInvite(context: MemberContext, inviteId: string): Promise<void> {
	const householdId = context.household.id;
	await getDb()
		.transaction()
		.execute(async (trx) => {
			const revoked = await trx
				.updateTable('invites')
				.set({ revokedAt: new Date() })
				.where('householdId', '=', householdId)
				.where('id', '=', inviteId)
				.where('revokedAt', 'is', null)
				.returning('id')
				.executeTakeFirst();
			if (!revoked) throw notFound(m.thing_invite);
			await audit(trx, context, {
				action: 'invite.revoked',
				subjectType: 'invite',
				subjectId: inviteId,
				facts: { actor: context.member.displayName }
			});
		});
}

export interface InvitePreview {
	householdName: string;
	role: Role;
	memberName: string | null;
	expiresAt: Date;
}

/** What the invite page shows before anyone joins; an unusable link says exactly why. */
export async function previewInvite(token: string, address?: string): Promise<InvitePreview> {
	const invite = await findInvite(token, address);
	assertUsable(invite);
	return { householdName: invite.householdName, role: invite.role, memberName: invite.memberName, expiresAt: invite.expiresAt };
}

/** `address`: whoever guesses links (wrong ones) from there is slowed down, then refused with 429. */
async function findInvite(token: string, address?: string) {
	if (!/^[a-z2-7]{32}$/.test(token)) throw await invalidInvite(address);
	const invite = await getDb()
		.selectFrom('invites')
		.innerJoin('households', 'households.id', 'invites.householdId')
		.leftJoin('members', (join) => join.onRef('members.householdId', '=', 'invites.householdId').onRef('members.id', '=', 'invites.memberId'))
		.select([
			'invites.id',
			'invites.householdId',
			'invites.role',
			'invites.memberId',
			'invites.maxUses',
			'invites.useCount',
			'invites.expiresAt',
			'invites.revokedAt'
		])
		.select(['households.name as householdName', 'members.displayName as memberName', 'members.userId as memberUserId'])
		.where('invites.tokenHash', '=', hashToken(token))
		.executeTakeFirst();
	if (!invite) throw await invalidInvite(address);
	return invite;
}

async function invalidInvite(address?: string): Promise<DomainError> {
	if (address) await enforce(getDb(), [[`invite:address:${address}`, LIMITS.inviteGuessesPerAddress]]);
	return new DomainError(404, 'invite_invalid', m.e_invite_invalid());
}

function assertUsable(invite: Awaited<ReturnType<typeof findInvite>>): void {
	if (invite.revokedAt) throw new DomainError(410, 'invite_revoked', m.e_invite_revoked());
	if (invite.expiresAt.getTime() <= Date.now()) throw new DomainError(410, 'invite_expired', m.e_invite_expired());
	if (invite.useCount >= invite.maxUses || invite.memberUserId) throw new DomainError(410, 'invite_used_up', m.e_invite_used_up());
}

/**
 * Joins the user to the invite's household. The use is counted by one conditional
 * update, so parallel accepts can never exceed the use limit. Someone who is already
 * a member just lands in the household; no use is spent.
 */
export async function acceptInvite(user: SessionUser, token: string, address?: string): Promise<{ householdId: string; memberId: string }> {
	const invite = await findInvite(token, address);
	return getDb()
		.transaction()
		.execute(async (trx) => {
			const existing = await trx
				.selectFrom('members')
				.select(['id', 'active'])
				.where('householdId', '=', invite.householdId)
				.where('userId', '=', user.id)
				.executeTakeFirst();
			if (existing?.active) return { householdId: invite.householdId, memberId: existing.id };
			assertUsable(invite);
			if (invite.memberId && existing) {
				throw new DomainError(409, 'already_member', m.e_was_member());
			}
			const spent = await trx
				.updateTable('invites')
				.set((eb) => ({ useCount: eb('useCount', '+', 1) }))
				.where('id', '=', invite.id)
				.where('householdId', '=', invite.householdId)
				.where('revokedAt', 'is', null)
				.where('expiresAt', '>', new Date())
				.whereRef('useCount', '<', 'maxUses')
				.returning('id')
				.executeTakeFirst();
			if (!spent) throw new DomainError(410, 'invite_used_up', m.e_invite_used_up());

			let memberId: string;
			if (invite.memberId) {
				const claimed = await trx
					.updateTable('members')
					.set({ userId: user.id })
					.where('householdId', '=', invite.householdId)
					.where('id', '=', invite.memberId)
					.where('userId', 'is', null)
					.returning('id')
					.executeTakeFirst();
				if (!claimed) throw new DomainError(410, 'invite_used_up', m.e_place_claimed());
				memberId = claimed.id;
			} else if (existing) {
				// A former member rejoining keeps their history: reactivate the same member.
				await trx
					.updateTable('members')
					.set({ active: true, leftAt: null, role: invite.role })
					.where('householdId', '=', invite.householdId)
					.where('id', '=', existing.id)
					.execute();
				memberId = existing.id;
			} else {
				const row = await trx
					.insertInto('members')
					.values({ householdId: invite.householdId, displayName: user.displayName, role: invite.role, userId: user.id, shareWeight: 1, choreCapacity: 1 })
					.returning('id')
					.executeTakeFirstOrThrow();
				memberId = row.id;
			}
			await trx.updateTable('users').set({ lastHouseholdId: invite.householdId }).where('id', '=', user.id).execute();
			await logActivity(trx, {
				householdId: invite.householdId,
				actorMemberId: memberId,
				action: 'invite.accepted',
				subjectType: 'member',
				subjectId: memberId,
				facts: invite.memberName ? { name: user.displayName, member: invite.memberName } : { name: user.displayName, role: invite.role },
				details: { inviteId: invite.id }
			});
			await notify(trx, {
				householdId: invite.householdId,
				kind: 'invite.accepted',
				actorMemberId: memberId,
				facts: { name: user.displayName },
				path: pathTo('/h/[hid]/members', { hid: invite.householdId }),
				recipients: await membersWithLogin(trx, invite.householdId, { adminsOnly: true })
			});
			return { householdId: invite.householdId, memberId };
		});
}
