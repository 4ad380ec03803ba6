/**
 * The notifications domain's words and shapes, once: the kinds of event, the groups a
 * person chooses for, the channels, what each person chose (and the defaults), and the
 * labels people read for them.
 */
import { z } from 'zod';
import { labelsOf } from '$lib/i18n/labels';
import { m } from '$lib/paraglide/messages';

/** What a person chooses for: each kind of event belongs to one group. */
export const NOTIFICATION_GROUPS = ['chores', 'votes', 'money', 'mentions', 'house'] as const;
export type NotificationGroup = (typeof NOTIFICATION_GROUPS)[number];

export const KIND_GROUPS = {
	'chore.due': 'chores',
	'chore.overdue': 'chores',
	'chore.next': 'chores',
	'chore.assigned': 'chores',
	'proposal.opened': 'votes',
	'proposal.closing': 'votes',
	'proposal.closed': 'votes',
	'expense.added': 'money',
	'expense.changed': 'money',
	'payment.received': 'money',
	'comment.mention': 'mentions',
	'invite.accepted': 'house',
	'recurring.failed': 'house',
	'booking.requested': 'house',
	'booking.decided': 'house',
	'booking.soon': 'house',
	'booking.returned': 'house'
} as const satisfies Record<string, NotificationGroup>;
export type NotificationKind = keyof typeof KIND_GROUPS;
export const NOTIFICATION_KINDS = Object.keys(KIND_GROUPS) as NotificationKind[];

/** Chore reminders of a member without a login go to their guardian. */
export const GUARDIAN_KINDS: ReadonlySet<NotificationKind> = new Set(['chore.due', 'chore.overdue', 'chore.next', 'chore.assigned']);

export const CHANNELS = ['app', 'email', 'push'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Email at once, gathered into the digest, or not at all. */
export const EMAIL_MODES = ['now', 'digest', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];
export const DIGEST_FREQUENCIES = ['daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

const time = /^([01]\d|2[0-3]):[0-5]\d$/;

export const groupChoiceSchema = /* @__PURE__ */ z.object({
	app: z.boolean(),
	push: z.boolean(),
	email: z.enum(EMAIL_MODES, { error: () => m.v_email_mode() })
});
export type GroupChoice = z.infer<typeof groupChoiceSchema>;

export const preferencesSchema = /* @__PURE__ */ z.object({
	groups: z.object({ chores: groupChoiceSchema, votes: groupChoiceSchema, money: groupChoiceSchema, mentions: groupChoiceSchema, house: groupChoiceSchema }),
	digest: z.enum(DIGEST_FREQUENCIES, { error: () => m.v_digest() }),
	/** Nothing pushed or mailed at once between these times (HH:MM, the household's zone); held until `to`. Null: no quiet hours. */
	quiet: z.object({ from: z.string().regex(time, { error: () => m.v_quiet_time() }), to: z.string().regex(time, { error: () => m.v_quiet_time() }) }).nullable()
});
export type Preferences = z.infer<typeof preferencesSchema>;

/** Chores and votes: push and in-app; money: in-app and a daily email digest; quiet 21:00–08:00. */
export const DEFAULT_PREFERENCES: Preferences = {
	groups: {
		chores: { app: true, push: true, email: 'off' },
		votes: { app: true, push: true, email: 'off' },
		money: { app: true, push: false, email: 'digest' },
		mentions: { app: true, push: true, email: 'off' },
		house: { app: true, push: false, email: 'digest' }
	},
	digest: 'daily',
	quiet: { from: '21:00', to: '08:00' }
};

/** What is stored, read defensively: anything unreadable (a later shape, a hand edit) falls back to the defaults, group by group. */
export function readPreferences(stored: unknown): Preferences {
	const parsed = preferencesSchema.safeParse(stored);
	if (parsed.success) return parsed.data;
	const value = (stored ?? {}) as Partial<Record<keyof Preferences, unknown>>;
	const groups = (value.groups ?? {}) as Record<string, unknown>;
	return {
		groups: Object.fromEntries(
			NOTIFICATION_GROUPS.map((group) => {
				const choice = groupChoiceSchema.safeParse(groups[group]);
				return [group, choice.success ? choice.data : DEFAULT_PREFERENCES.groups[group]];
			})
		) as Preferences['groups'],
		digest: z.enum(DIGEST_FREQUENCIES).safeParse(value.digest).data ?? DEFAULT_PREFERENCES.digest,
		quiet: value.quiet === null ? null : (preferencesSchema.shape.quiet.safeParse(value.quiet).data ?? DEFAULT_PREFERENCES.quiet)
	};
}

export const GROUP_LABELS = labelsOf<NotificationGroup>({
	chores: m.n_group_chores,
	votes: m.n_group_votes,
	money: m.n_group_money,
	mentions: m.n_group_mentions,
	house: m.n_group_house
});

export const GROUP_HINTS = labelsOf<NotificationGroup>({
	chores: m.n_group_chores_hint,
	votes: m.n_group_votes_hint,
	money: m.n_group_money_hint,
	mentions: m.n_group_mentions_hint,
	house: m.n_group_house_hint
});

export const EMAIL_MODE_LABELS = labelsOf<EmailMode>({ now: m.n_email_now, digest: m.n_email_digest, off: m.n_email_off });
export const DIGEST_LABELS = labelsOf<DigestFrequency>({ daily: m.n_digest_daily, weekly: m.n_digest_weekly });
