/**
 * The activity feed's sentences, told from an entry's facts (who, which chore, how much)
 * in the reader's language when the feed is read. The same facts give the English sentence
 * stored with the entry, so the API's `summary` and older readers keep a text.
 *
 * Facts are plain JSON written by the domain code (names as they were at the time, amounts
 * in minor units, days as YYYY-MM-DD); an export file may carry them too, so every value is
 * read defensively and an entry whose facts cannot be told keeps its stored sentence.
 */
import { formatDay, formatInstant } from '$lib/dates';
import { readerReason, type ClosedProposalFacts } from '$lib/decisions/explain';
import { outcomeHeadline } from '$lib/decisions/labels';
import type { ProposalStatus } from '$lib/decisions/model';
import { ROLE_WORDS, type Role } from '$lib/households/roles';
import type { Locale } from '$lib/i18n/locales';
import { formatMoney } from '$lib/money/format';
import { m } from '$lib/paraglide/messages';
import { inLocale } from '$lib/server/i18n';

export type ActivityFacts = Record<string, unknown>;

/** How a sentence is told: in which language, with dates and amounts in which format. */
export interface Telling {
	locale: Locale;
	formatLocale: string;
}

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(text) : []);

/** Told inside the reader's language (messages and labels read it); `formatLocale` for dates and amounts. */
type Sentence = (facts: ActivityFacts, x: Tellers) => string;

/** A day, an amount and a role as the reader reads them. */
function tellers(formatLocale: string) {
	const day = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value, formatLocale) : text(value));
	const money = (f: ActivityFacts) =>
		typeof f.amountMinor === 'number' && typeof f.currency === 'string' ? formatMoney(f.amountMinor, f.currency, formatLocale) : '';
	const role = (value: unknown) => (typeof value === 'string' && Object.hasOwn(ROLE_WORDS, value) ? ROLE_WORDS[value as Role] : text(value));
	const instant = (value: unknown) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? formatInstant(value, 'UTC', formatLocale) : '?');
	return { day, money, role, instant };
}
type Tellers = ReturnType<typeof tellers>;

const SENTENCES: Record<string, Sentence> = {
	'chore.done': (f, x) => m.act_chore_done({ who: text(f.who), chore: text(f.chore), day: x.day(f.dueOn) }),
	'chore.reopened': (f, x) => m.act_chore_reopened({ actor: text(f.actor), chore: text(f.chore), day: x.day(f.dueOn) }),
	'chore.skipped': (f, x) => m.act_chore_skipped({ actor: text(f.actor), chore: text(f.chore), day: x.day(f.dueOn), reason: text(f.reason) }),
	'chore.reassigned': (f, x) => m.act_chore_reassigned({ actor: text(f.actor), chore: text(f.chore), day: x.day(f.dueOn), to: text(f.to) }),
	'chore.swapped': (f, x) => m.act_chore_swapped({ a: text(f.a), b: text(f.b), chore: text(f.chore), dayA: x.day(f.dayA), dayB: x.day(f.dayB) }),
	'chore.created': (f) => m.act_chore_created({ actor: text(f.actor), chore: text(f.chore) }),
	'chore.updated': (f) => m.act_chore_updated({ actor: text(f.actor), chore: text(f.chore) }),
	'feed.created': (f) => (f.scope === 'household' ? m.act_feed_all : m.act_feed_own)({ actor: text(f.actor) }),
	'expense.created': (f, x) => {
		if (f.via === 'splitwise') return m.act_expense_imported({ actor: text(f.actor), description: text(f.description) });
		if (f.via === 'recurring') return m.act_expense_recurring({ description: text(f.description), amount: x.money(f), day: x.day(f.spentOn) });
		if (f.via === 'proposal') return m.act_expense_proposal({ title: text(f.title) });
		if (f.via === 'booking') return m.act_expense_booking({ actor: text(f.actor), thing: text(f.thing), amount: x.money(f) });
		if (f.via === 'meal') return m.act_expense_meal({ menu: text(f.menu), amount: x.money(f) });
		if (f.fund) return m.act_expense_fund({ actor: text(f.actor), amount: x.money(f), fund: text(f.fund), description: text(f.description) });
		return m.act_expense_created({ actor: text(f.actor), description: text(f.description), amount: x.money(f) });
	},
	'expense.updated': (f) => m.act_expense_updated({ actor: text(f.actor), description: text(f.description) }),
	'expense.deleted': (f) => m.act_expense_deleted({ actor: text(f.actor), description: text(f.description) }),
	'expense.restored': (f) => m.act_expense_restored({ actor: text(f.actor), description: text(f.description) }),
	'settlement.recorded': (f, x) => m.act_payment({ from: text(f.from), to: text(f.to), amount: x.money(f) }),
	'settlement.undone': (f, x) => m.act_payment_undone({ actor: text(f.actor), amount: x.money(f) }),
	'settlement.redone': (f, x) => m.act_payment_redone({ actor: text(f.actor), amount: x.money(f) }),
	'recurring.created': (f, x) =>
		(f.kind === 'weekly' ? m.act_recurring_weekly : m.act_recurring_monthly)({ actor: text(f.actor), description: text(f.description), amount: x.money(f) }),
	'recurring.updated': (f) => m.act_recurring_updated({ actor: text(f.actor), description: text(f.description) }),
	'recurring.ended': (f) => m.act_recurring_ended({ actor: text(f.actor), description: text(f.description) }),
	'recurring.paused': (f) => m.act_recurring_paused({ actor: text(f.actor), description: text(f.description) }),
	'recurring.resumed': (f) => m.act_recurring_resumed({ actor: text(f.actor), description: text(f.description) }),
	'category.added': (f) => m.act_category_added({ actor: text(f.actor), name: text(f.name) }),
	'category.removed': (f) => m.act_category_removed({ actor: text(f.actor), name: text(f.name) }),
	'household.imported': (f, x) => m.act_household_imported({ actor: text(f.actor), when: x.instant(f.exportedAt) }),
	'member.added': (f, x) => m.act_member_added({ actor: text(f.actor), name: text(f.name), role: x.role(f.role) }),
	'member.left': (f) => m.act_member_left({ actor: text(f.actor), name: text(f.name) }),
	'member.returned': (f) => m.act_member_returned({ actor: text(f.actor), name: text(f.name) }),
	'member.updated': (f) => m.act_member_updated({ actor: text(f.actor), name: text(f.name) }),
	'absence.added': (f, x) => m.act_absence_added({ name: text(f.name), from: x.day(f.from), to: x.day(f.to) }),
	'absence.removed': (f, x) => m.act_absence_removed({ actor: text(f.actor), from: x.day(f.from), to: x.day(f.to) }),
	'household.defaults_changed': (f) => m.act_defaults_changed({ actor: text(f.actor) }),
	'invite.created': (f, x) => {
		if (typeof f.member === 'string') return m.act_invite_for({ actor: text(f.actor), name: f.member });
		const made = m.act_invite_new({ actor: text(f.actor), role: x.role(f.role), uses: typeof f.uses === 'number' ? f.uses : 1 });
		return typeof f.email === 'string' ? m.act_invite_sent_to({ sentence: made, email: f.email }) : made;
	},
	'invite.revoked': (f) => m.act_invite_revoked({ actor: text(f.actor) }),
	'invite.accepted': (f, x) =>
		typeof f.member === 'string'
			? m.act_invite_claimed({ name: text(f.name), member: f.member })
			: m.act_invite_joined({ name: text(f.name), role: x.role(f.role) }),
	'household.created': (f) => m.act_household_created({ actor: text(f.actor), household: text(f.household) }),
	'household.updated': () => m.act_household_updated(),
	'proposal.closed': (f) => {
		const proposal = f.proposal as (ClosedProposalFacts & { winnerLabel: string | null }) | undefined;
		if (!proposal || typeof proposal !== 'object') throw new Error('no proposal facts');
		const headline = outcomeHeadline({ status: proposal.status as ProposalStatus, winnerLabel: proposal.winnerLabel, blockedBy: list(f.blockedBy) });
		const reason = readerReason(proposal) ?? '';
		return m.act_proposal_closed({ title: text(f.title), headline, reason });
	},
	'proposal.commented': (f) => m.act_proposal_commented({ actor: text(f.actor), title: text(f.title) }),
	'household.decision_rules_changed': (f) => m.act_rules_changed({ actor: text(f.actor) }),
	'proposal.opened': (f) => m.act_proposal_opened({ actor: text(f.actor), title: text(f.title) }),
	'proposal.edited': (f) => m.act_proposal_edited({ actor: text(f.actor), title: text(f.title) }),
	'proposal.withdrawn': (f) => m.act_proposal_withdrawn({ actor: text(f.actor), title: text(f.title) }),
	'thing.added': (f) => m.act_thing_added({ actor: text(f.actor), name: text(f.name) }),
	'thing.changed': (f) => m.act_thing_changed({ actor: text(f.actor), name: text(f.name) }),
	'booking.made': (f, x) => {
		const words = { actor: text(f.actor), thing: text(f.thing), name: text(f.name), day: x.day(f.day), from: text(f.from), until: text(f.until) };
		const weeks = typeof f.count === 'number' && f.count > 1 ? f.count : 1;
		if (weeks > 1) return m.act_booking_made_weekly({ ...words, count: weeks });
		return f.actor === f.name ? m.act_booking_made({ ...words }) : m.act_booking_made_for({ ...words });
	},
	'booking.requested': (f, x) =>
		m.act_booking_requested({ actor: text(f.actor), thing: text(f.thing), day: x.day(f.day), from: text(f.from), until: text(f.until) }),
	'booking.cancelled': (f, x) => m.act_booking_cancelled({ actor: text(f.actor), thing: text(f.thing), day: x.day(f.day), from: text(f.from) }),
	'booking.approved': (f, x) => m.act_booking_approved({ actor: text(f.actor), thing: text(f.thing), day: x.day(f.day) }),
	'booking.declined': (f, x) => m.act_booking_declined({ actor: text(f.actor), thing: text(f.thing), day: x.day(f.day) }),
	'booking.handed_over': (f, x) => m.act_booking_handed_over({ actor: text(f.actor), thing: text(f.thing), day: x.day(f.day), name: text(f.name) }),
	'booking.checked_out': (f) => m.act_booking_checked_out({ actor: text(f.actor), thing: text(f.thing) }),
	'booking.returned': (f) => m.act_booking_returned({ actor: text(f.actor), thing: text(f.thing) }),
	'meal.planned': (f, x) => m.act_meal_planned({ actor: text(f.actor), menu: text(f.menu), day: x.day(f.day) }),
	'meal.changed': (f) => m.act_meal_changed({ actor: text(f.actor), menu: text(f.menu) }),
	'meal.cancelled': (f, x) => m.act_meal_cancelled({ actor: text(f.actor), menu: text(f.menu), day: x.day(f.day) }),
	'meal.signed_up': (f, x) => {
		const words = { actor: text(f.actor), name: text(f.name), menu: text(f.menu), day: x.day(f.day) };
		return f.actor === f.name ? m.act_meal_signed_up(words) : m.act_meal_signed_up_for(words);
	},
	'meal.signed_out': (f, x) => {
		const words = { actor: text(f.actor), name: text(f.name), menu: text(f.menu), day: x.day(f.day) };
		return f.actor === f.name ? m.act_meal_signed_out(words) : m.act_meal_signed_out_for(words);
	},
	'meal.crew_joined': (f, x) => {
		const words = { name: text(f.name), menu: text(f.menu), day: x.day(f.day) };
		return f.task === 'clean' ? m.act_meal_cleans(words) : m.act_meal_cooks(words);
	},
	'meal.crew_left': (f, x) => m.act_meal_crew_left({ name: text(f.name), menu: text(f.menu), day: x.day(f.day) }),
	'fund.created': (f) => m.act_fund_created({ actor: text(f.actor), fund: text(f.fund) }),
	'fund.updated': (f) => m.act_fund_updated({ actor: text(f.actor), fund: text(f.fund) }),
	'fund.contributed': (f, x) => m.act_fund_contributed({ member: text(f.member), amount: x.money(f), fund: text(f.fund) }),
	'fund.contribution_undone': (f, x) => m.act_fund_contribution_undone({ actor: text(f.actor), amount: x.money(f), fund: text(f.fund) }),
	'fund.contribution_redone': (f, x) => m.act_fund_contribution_redone({ actor: text(f.actor), amount: x.money(f), fund: text(f.fund) }),
	'meal.cost_recorded': (f, x) => m.act_meal_cost({ actor: text(f.actor), menu: text(f.menu), amount: x.money(f) })
};

/** The sentence for an entry, or null when its facts cannot tell it (then its stored sentence stands). */
export function activitySentence(action: string, facts: unknown, telling: Telling): string | null {
	const sentence = SENTENCES[action];
	if (!sentence || typeof facts !== 'object' || facts === null || Array.isArray(facts)) return null;
	try {
		return inLocale(telling.locale, () => sentence(facts as ActivityFacts, tellers(telling.formatLocale)));
	} catch {
		return null;
	}
}

/** The English sentence stored with an entry. */
export const storedSentence = (action: string, facts: ActivityFacts): string | null => activitySentence(action, facts, { locale: 'en', formatLocale: 'en-GB' });

/** Every action the feed can tell (a test holds each written action to this list). */
export const TOLD_ACTIONS: ReadonlySet<string> = new Set(Object.keys(SENTENCES));
