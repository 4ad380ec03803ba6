/**
 * The chore calendar as a pure function of the chores, the members, their absences and
 * what was recorded (stored occurrences: frozen past days and every acted-on one). The
 * same data gives the same calendar, wherever and whenever it is computed.
 */
import { dueDays, plusDays, type ChoreSchedule } from './schedule';

export type Strategy = 'rotate' | 'fair' | 'fixed' | 'open';
export type OccurrenceStatus = 'pending' | 'done' | 'skipped';

export interface PlanChore {
	id: string;
	name: string;
	effort: number;
	schedule: ChoreSchedule;
	strategy: Strategy;
	/** Participants in turn order. */
	memberIds: string[];
}

export interface PlanMember {
	id: string;
	capacity: number;
	/** The last day they were a member, or null while they live here. */
	lastDay: string | null;
}

export interface PlanAbsence {
	memberId: string;
	from: string;
	to: string;
}

export interface StoredOccurrence {
	choreId: string;
	dueOn: string;
	assigneeMemberId: string | null;
	status: OccurrenceStatus;
	doneByMemberId: string | null;
	doneOn: string | null;
	/** The effort when it was recorded; a later edit of the chore does not change the past. */
	effort?: number;
}

export interface PlannedOccurrence extends StoredOccurrence {
	choreName: string;
	effort: number;
	/** Recorded in the database (frozen or acted on) rather than computed. */
	stored: boolean;
}

/** An occurrence as the calendar, the API and the pages show it. */
export interface CalendarOccurrence {
	choreId: string;
	choreName: string;
	dueOn: string;
	assigneeMemberId: string | null;
	/** `overdue`: pending, and its day has passed in the household's time zone. */
	status: OccurrenceStatus | 'overdue';
	doneByMemberId: string | null;
	doneAt: string | null;
	effort: number;
	time: string | null;
}

export interface PlanInput {
	chores: PlanChore[];
	members: PlanMember[];
	absences: PlanAbsence[];
	stored: StoredOccurrence[];
	from: string;
	to: string;
	/** Today in the household's zone: an `after` chore left undone past its day waits here. */
	today: string;
	windowDays?: number;
}

const DEFAULT_WINDOW_DAYS = 90;

/** Who gets the credit for an occurrence: the doer, the planned assignee, or nobody if skipped. */
function creditOf(o: StoredOccurrence): string | null {
	if (o.status === 'done') return o.doneByMemberId;
	if (o.status === 'skipped') return null;
	return o.assigneeMemberId;
}

export function planChores(input: PlanInput): PlannedOccurrence[] {
	const window = input.windowDays ?? DEFAULT_WINDOW_DAYS;
	const members = new Map(input.members.map((m) => [m.id, m]));
	const isAvailable = (memberId: string, day: string) => {
		const member = members.get(memberId);
		if (!member || (member.lastDay !== null && day > member.lastDay)) return false;
		return !input.absences.some((a) => a.memberId === memberId && a.from <= day && day <= a.to);
	};
	const out: PlannedOccurrence[] = [];
	// Grouped once: filtering every stored occurrence for every chore grows with chores × history.
	const storedByChore = new Map<string, StoredOccurrence[]>();
	for (const o of input.stored) {
		const list = storedByChore.get(o.choreId);
		if (list) list.push(o);
		else storedByChore.set(o.choreId, [o]);
	}
	for (const chore of input.chores) {
		const stored = (storedByChore.get(chore.id) ?? []).sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1));
		const storedOn = new Map(stored.map((o) => [o.dueOn, o]));
		const before = stored.filter((o) => o.dueOn < input.from);
		const checkpoint = before[before.length - 1];
		const history: Array<{ dueOn: string; memberId: string | null }> = before.map((o) => ({ dueOn: o.dueOn, memberId: creditOf(o) }));
		let lastAssignee = checkpoint?.assigneeMemberId ?? null;
		const start = checkpoint ? plusDays(checkpoint.dueOn, 1) : chore.schedule.startOn;

		const assign = (day: string): string | null => {
			const available = chore.memberIds.filter((id) => isAvailable(id, day));
			if (chore.strategy === 'open') return null;
			if (chore.strategy === 'fixed') return available.includes(chore.memberIds[0] ?? '') ? chore.memberIds[0]! : null;
			const order = turnOrder(chore.memberIds, lastAssignee).filter((id) => available.includes(id));
			if (chore.strategy === 'rotate') return order[0] ?? null;
			const recent = history.filter((h) => h.dueOn > plusDays(day, -window));
			return fairChoice(order, recent, (id) => members.get(id)?.capacity ?? 0);
		};

		const emit = (day: string, occurrence: StoredOccurrence, isStored: boolean) => {
			history.push({ dueOn: day, memberId: creditOf(occurrence) });
			if (occurrence.assigneeMemberId && chore.memberIds.includes(occurrence.assigneeMemberId)) lastAssignee = occurrence.assigneeMemberId;
			if (day >= input.from && day <= input.to) out.push({ ...occurrence, choreName: chore.name, effort: occurrence.effort ?? chore.effort, stored: isStored });
		};
		const occurrenceOn = (day: string): [StoredOccurrence, boolean] => {
			const recorded = storedOn.get(day);
			if (recorded) return [recorded, true];
			return [{ choreId: chore.id, dueOn: day, assigneeMemberId: assign(day), status: 'pending', doneByMemberId: null, doneOn: null }, false];
		};

		if (chore.schedule.kind !== 'after') {
			for (const day of dueDays(chore.schedule, start, input.to)) {
				const [occurrence, isStored] = occurrenceOn(day);
				emit(day, occurrence, isStored);
			}
			continue;
		}
		// `after`: the next one is N days after the last completion (or skip), so only one is open at a time.
		let next = checkpoint ? afterNext(checkpoint, chore.schedule.interval) : chore.schedule.startOn;
		for (let guard = 0; next && next <= input.to && guard < 2000; guard++) {
			if (chore.schedule.endOn && next > chore.schedule.endOn) break;
			const [occurrence, isStored] = occurrenceOn(next);
			emit(next, occurrence, isStored);
			const following = afterNext(occurrence, chore.schedule.interval);
			if (following === null && next < input.today) break; // undone and overdue: nothing more until it is done
			next = following ?? plusDays(next, chore.schedule.interval);
		}
	}
	return out.sort((a, b) => (a.dueOn === b.dueOn ? a.choreName.localeCompare(b.choreName) : a.dueOn < b.dueOn ? -1 : 1));
}

function afterNext(o: StoredOccurrence, interval: number): string | null {
	if (o.status === 'done') return plusDays(o.doneOn ?? o.dueOn, interval);
	if (o.status === 'skipped') return plusDays(o.dueOn, interval);
	return null;
}

/** The participants in turn order, starting after whoever had the last turn. */
function turnOrder(memberIds: string[], lastAssignee: string | null): string[] {
	const last = lastAssignee ? memberIds.indexOf(lastAssignee) : -1;
	return memberIds.map((_, i) => memberIds[(last + 1 + i) % memberIds.length]!);
}

/**
 * The participant furthest behind their part of the work, by capacity, over the window.
 * Among those whose quota has caught up with them (Tijdeman's rule), the one whose next
 * turn is "due" soonest goes first; ties by turn order. This keeps everyone within one
 * occurrence of their exact share, which the plain "lowest done ÷ capacity" rule cannot.
 */
function fairChoice(order: string[], recent: Array<{ memberId: string | null }>, capacityOf: (id: string) => number): string | null {
	const candidates = order.filter((id) => capacityOf(id) > 0);
	if (candidates.length === 0) return order[0] ?? null;
	const total = candidates.reduce((sum, id) => sum + capacityOf(id), 0);
	const counted = recent.filter((h) => h.memberId !== null && candidates.includes(h.memberId));
	const t = counted.length + 1;
	const done = (id: string) => counted.filter((h) => h.memberId === id).length;
	const slack = candidates.length > 1 ? 1 / (2 * candidates.length - 2) : 0;
	let best: string | null = null;
	let bestDeadline = Infinity;
	for (const id of candidates) {
		const share = capacityOf(id) / total;
		if (t * share - done(id) < slack - 1e-9) continue;
		const deadline = (done(id) + 1 - slack) / share;
		if (deadline < bestDeadline - 1e-9) {
			bestDeadline = deadline;
			best = id;
		}
	}
	if (best) return best;
	// Outside the rule's assumptions (someone just returned, capacities changed): the one furthest behind.
	return candidates.reduce((a, b) => (t * (capacityOf(b) / total) - done(b) > t * (capacityOf(a) / total) - done(a) + 1e-9 ? b : a));
}
