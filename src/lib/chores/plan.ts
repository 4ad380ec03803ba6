/**
 * The chore calendar as a pure function of the chores, the members, their absences and
 * what was recorded (stored occurrences: frozen past days and every acted-on one). The
 * same data gives the same calendar, wherever and whenever it is computed.
 */
import { availability, type Absence, type AvailableMember } from './availability';
import { dueDays, type ChoreSchedule } from '$lib/schedule';
import { dayNumber, plusDays } from '$lib/dates';

import type { CalendarOccurrence, OccurrenceStatus, Strategy } from './model';

export type { CalendarOccurrence, OccurrenceStatus, Strategy };

export interface PlanChore {
	id: string;
	name: string;
	effort: number;
	schedule: ChoreSchedule;
	strategy: Strategy;
	/** Participants in turn order. */
	memberIds: string[];
}

export interface PlanMember extends AvailableMember {
	capacity: number;
}

export type PlanAbsence = Absence;

export interface StoredOccurrence {
	choreId: string;
	dueOn: string;
	assigneeMemberId: string | null;
	status: OccurrenceStatus;
	doneByMemberId: string | null;
	doneOn: string | null;
	/** The effort when it was recorded; a later edit of the chore does not change the past. */
	effort?: number;
	/**
	 * Whose turn it was in the rotation when it was given to someone else (a reassignment or a
	 * swap): the rotation goes on from the planned turn, not from the stand-in. Null or absent
	 * when the assignee is the planned one.
	 */
	turnMemberId?: string | null;
}

export interface PlannedOccurrence extends StoredOccurrence {
	choreName: string;
	effort: number;
	/** Recorded in the database (frozen or acted on) rather than computed. */
	stored: boolean;
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
	/**
	 * Days up to here are history: only what is stored for them is shown, nothing is computed
	 * for them again, so a later edit of a chore cannot add, move or reassign a past day.
	 */
	frozenThrough?: string | null;
}

const DEFAULT_WINDOW_DAYS = 90;

/** Who gets the credit for an occurrence: the doer, the planned assignee, or nobody if skipped. */
function creditOf(o: StoredOccurrence): string | null {
	if (o.status === 'done') return o.doneByMemberId;
	if (o.status === 'skipped') return null;
	return o.assigneeMemberId;
}

/**
 * Linear in the days planned: each chore's stored days are split once at `from`, a day's
 * fairness counts come from a sliding window (added to as days are planned, dropped from
 * as they leave it), and absences are looked up per member; no day re-reads the history.
 */
export function planChores(input: PlanInput): PlannedOccurrence[] {
	const out: PlannedOccurrence[] = [];
	for (const step of planSteps(input)) for (const o of step) out.push(o);
	return sortOccurrences(out);
}

/** The plan one chore at a time, so a caller can give the event loop back between chores. */
export function* planSteps(input: PlanInput): Generator<PlannedOccurrence[]> {
	const window = input.windowDays ?? DEFAULT_WINDOW_DAYS;
	const frozenThrough = input.frozenThrough ?? null;
	const members = new Map(input.members.map((m) => [m.id, m]));
	const isAvailable = availability(input.members, input.absences);
	const capacityOf = (id: string) => members.get(id)?.capacity ?? 0;
	// Grouped once: filtering every stored occurrence for every chore grows with chores × history.
	const storedByChore = new Map<string, StoredOccurrence[]>();
	for (const o of input.stored) {
		const list = storedByChore.get(o.choreId);
		if (list) list.push(o);
		else storedByChore.set(o.choreId, [o]);
	}
	for (const chore of input.chores) {
		const out: PlannedOccurrence[] = [];
		const stored = (storedByChore.get(chore.id) ?? []).sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1));
		const storedOn = new Map(stored.map((o) => [o.dueOn, o]));
		const firstInRange = stored.findIndex((o) => o.dueOn >= input.from);
		const before = firstInRange === -1 ? stored : stored.slice(0, firstInRange);
		const checkpoint = before[before.length - 1];
		const recent = new FairWindow(window);
		for (const o of before) recent.add(o.dueOn, creditOf(o));
		let lastTurn = checkpoint ? turnOf(checkpoint) : null;
		const start = checkpoint ? plusDays(checkpoint.dueOn, 1) : chore.schedule.startOn;

		const assign = (day: string): string | null => {
			if (chore.strategy === 'open') return null;
			if (chore.strategy === 'fixed') {
				const owner = chore.memberIds[0];
				return owner !== undefined && isAvailable(owner, day) ? owner : null;
			}
			const order = turnOrder(chore.memberIds, lastTurn).filter((id) => isAvailable(id, day));
			if (chore.strategy === 'rotate') return order[0] ?? null;
			recent.dropBefore(day);
			return fairChoice(order, recent, capacityOf);
		};

		const emit = (day: string, occurrence: StoredOccurrence, isStored: boolean) => {
			recent.add(day, creditOf(occurrence));
			const turn = turnOf(occurrence);
			if (turn && chore.memberIds.includes(turn)) lastTurn = turn;
			if (day >= input.from && day <= input.to) out.push({ ...occurrence, choreName: chore.name, effort: occurrence.effort ?? chore.effort, stored: isStored });
		};
		/** The occurrence of a day: what was recorded, else computed. */
		const occurrenceOn = (day: string): [StoredOccurrence, boolean] => {
			const recorded = storedOn.get(day);
			if (recorded) return [recorded, true];
			return [{ choreId: chore.id, dueOn: day, assigneeMemberId: assign(day), status: 'pending', doneByMemberId: null, doneOn: null }, false];
		};
		// Recorded days from `from` on are always shown, on the chore's schedule or not (an edit may have moved it).
		const recordedInRange = firstInRange === -1 ? [] : stored.slice(firstInRange).filter((o) => o.dueOn <= input.to);
		const computedFrom = frozenThrough !== null && frozenThrough >= start ? plusDays(frozenThrough, 1) : start;

		if (chore.schedule.kind !== 'after') {
			for (const day of mergeDays(dueDays(chore.schedule, computedFrom, input.to), recordedInRange)) {
				const [occurrence, isStored] = occurrenceOn(day);
				emit(day, occurrence, isStored);
			}
			yield out;
			continue;
		}
		// `after`: the next one is N days after the last completion (or skip), so only one is open at a time.
		let last = checkpoint;
		for (const o of recordedInRange) {
			if (frozenThrough === null || o.dueOn > frozenThrough) break;
			emit(o.dueOn, o, true);
			last = o;
		}
		let next = last ? afterNext(last, chore.schedule.interval) : chore.schedule.startOn;
		if (next !== null && next < computedFrom) next = computedFrom;
		for (let guard = 0; next && next <= input.to && guard < 2000; guard++) {
			if (chore.schedule.endOn && next > chore.schedule.endOn) break;
			const [occurrence, isStored] = occurrenceOn(next);
			emit(next, occurrence, isStored);
			const following = afterNext(occurrence, chore.schedule.interval);
			if (following === null && next < input.today) break; // undone and overdue: nothing more until it is done
			next = following ?? plusDays(next, chore.schedule.interval);
		}
		yield out;
	}
}

/** By day, then chore name: the calendar's order. */
export function sortOccurrences<T extends Pick<PlannedOccurrence, 'dueOn' | 'choreName'>>(occurrences: T[]): T[] {
	return occurrences.sort((a, b) => (a.dueOn === b.dueOn ? a.choreName.localeCompare(b.choreName) : a.dueOn < b.dueOn ? -1 : 1));
}

/** The days of a schedule and the recorded days, both in order, as one ordered list without repeats. */
function mergeDays(due: string[], recorded: StoredOccurrence[]): string[] {
	if (recorded.length === 0) return due;
	const days: string[] = [];
	let i = 0;
	for (const o of recorded) {
		while (i < due.length && due[i]! < o.dueOn) days.push(due[i++]!);
		if (due[i] === o.dueOn) i++;
		days.push(o.dueOn);
	}
	while (i < due.length) days.push(due[i++]!);
	return days;
}

/** Whose turn an occurrence was: the planned one when it was given to someone else. */
const turnOf = (o: StoredOccurrence) => o.turnMemberId ?? o.assigneeMemberId;

/**
 * Who was credited with the chore's occurrences over the last `days` days: counts kept
 * as days are added (in order) and dropped as they leave the window.
 */
class FairWindow {
	private readonly days: Array<{ day: number; memberId: string | null }> = [];
	private head = 0;
	readonly counts = new Map<string, number>();
	constructor(private readonly windowDays: number) {}

	add(day: string, memberId: string | null): void {
		this.days.push({ day: dayNumber(day), memberId });
		if (memberId !== null) this.counts.set(memberId, (this.counts.get(memberId) ?? 0) + 1);
	}

	/** Forgets the days that are `windowDays` or more before `day`. */
	dropBefore(day: string): void {
		const first = dayNumber(day) - this.windowDays;
		while (this.head < this.days.length && this.days[this.head]!.day <= first) {
			const { memberId } = this.days[this.head++]!;
			if (memberId !== null) this.counts.set(memberId, this.counts.get(memberId)! - 1);
		}
	}
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
function fairChoice(order: string[], recent: FairWindow, capacityOf: (id: string) => number): string | null {
	const candidates = order.filter((id) => capacityOf(id) > 0);
	if (candidates.length === 0) return order[0] ?? null;
	const total = candidates.reduce((sum, id) => sum + capacityOf(id), 0);
	const done = (id: string) => recent.counts.get(id) ?? 0;
	const t = candidates.reduce((sum, id) => sum + done(id), 0) + 1;
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
