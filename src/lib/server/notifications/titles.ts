/**
 * What a notification says, told from its event's facts in the recipient's language —
 * the same sentence in the bell, the push and the email. Facts are read defensively
 * (like the activity feed's): a missing one reads as empty, never as an error.
 */
import { formatDay, formatInstant } from '$lib/dates';
import type { Telling } from '$lib/server/activity/sentences';
import { STATUS_LABELS } from '$lib/decisions/labels';
import type { ProposalStatus } from '$lib/decisions/model';
import type { NotificationKind } from '$lib/notifications/model';
import { formatMoney } from '$lib/money/format';
import { m } from '$lib/paraglide/messages';
import { inLocale } from '$lib/server/i18n';

export interface Told {
	kind: NotificationKind;
	facts: Record<string, unknown>;
	/** The recipient (their share of an expense). */
	memberId: string;
	/** A guardian's copy names whose chore it is. */
	forName: string | null;
	timezone: string;
}

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

export function notificationTitle(told: Told, telling: Telling): string {
	return inLocale(telling.locale, () => title(told, telling.formatLocale), telling.formatLocale);
}

function title({ kind, facts: f, memberId, forName, timezone }: Told, formatLocale: string): string {
	const day = typeof f.day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(f.day) ? formatDay(f.day, formatLocale) : '';
	const money = (minor: unknown) => (typeof minor === 'number' && typeof f.currency === 'string' ? formatMoney(minor, f.currency, formatLocale) : '');
	const chore = text(f.chore);
	const name = forName ?? '';
	switch (kind) {
		case 'chore.due':
			return forName ? m.n_chore_due_for({ name, chore }) : m.n_chore_due({ chore });
		case 'chore.overdue':
			return forName ? m.n_chore_overdue_for({ name, chore, day }) : m.n_chore_overdue({ chore, day });
		case 'chore.next':
			return forName ? m.n_chore_next_for({ name, chore }) : m.n_chore_next({ chore });
		case 'chore.assigned':
			return forName ? m.n_chore_assigned_for({ actor: text(f.actor), name, chore, day }) : m.n_chore_assigned({ actor: text(f.actor), chore, day });
		case 'proposal.opened':
			return m.n_proposal_opened({ actor: text(f.actor), title: text(f.title) });
		case 'proposal.closing': {
			const when = typeof f.closesAt === 'string' ? formatInstant(f.closesAt, timezone, formatLocale) : '';
			return m.n_proposal_closing({ title: text(f.title), when });
		}
		case 'proposal.closed': {
			const status = text(f.status) as ProposalStatus;
			return m.n_proposal_closed({ title: text(f.title), outcome: Object.hasOwn(STATUS_LABELS, status) ? STATUS_LABELS[status] : status });
		}
		case 'expense.added':
		case 'expense.changed': {
			const shares = (f.shares ?? {}) as Record<string, unknown>;
			const words = { actor: text(f.actor), description: text(f.description), amount: money(f.amountMinor), share: money(shares[memberId] ?? 0) };
			return kind === 'expense.added' ? m.n_expense_added(words) : m.n_expense_changed(words);
		}
		case 'payment.received':
			return m.n_payment_received({ from: text(f.from), amount: money(f.amountMinor) });
		case 'comment.mention':
			return m.n_comment_mention({ actor: text(f.actor), title: text(f.title) });
		case 'invite.accepted':
			return m.n_invite_accepted({ name: text(f.name) });
		case 'recurring.failed':
			return m.n_recurring_failed({ description: text(f.description) });
		case 'booking.requested':
			return m.n_booking_requested({ actor: text(f.actor), thing: text(f.thing), day, from: text(f.from), until: text(f.until) });
		case 'booking.soon': {
			const when = typeof f.startsAt === 'string' ? formatInstant(f.startsAt, timezone, formatLocale) : '';
			// Whose booking it is: the recipient's own, or (an adult who booked for a child) someone else's.
			return f.memberId === memberId
				? m.n_booking_soon({ thing: text(f.thing), when })
				: m.n_booking_soon_for({ thing: text(f.thing), name: text(f.name), when });
		}
		case 'booking.returned':
			return f.note
				? m.n_booking_returned_note({ actor: text(f.actor), thing: text(f.thing), note: text(f.note) })
				: m.n_booking_returned({ actor: text(f.actor), thing: text(f.thing) });
		case 'booking.decided':
			return f.approved === true ? m.n_booking_approved({ thing: text(f.thing), day }) : m.n_booking_declined({ thing: text(f.thing), day });
	}
}
