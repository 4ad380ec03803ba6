/**
 * What an action does to one chore occurrence, as a pure function: the server loads the
 * occurrence as planned, applies the action here, checks the members it names and stores
 * the result. The rules (what may be undone, who stands in for whose turn) live here once.
 */
import type { OccurrenceStatus, PlannedOccurrence } from './plan';
import { m } from '$lib/paraglide/messages';

export type OccurrenceAction =
	{ kind: 'complete'; doneByMemberId?: string } | { kind: 'undo' } | { kind: 'skip'; reason: string } | { kind: 'reassign'; memberId: string };

/** The activity-log action each occurrence action is recorded as. */
export const OCCURRENCE_ACTIVITY = {
	complete: 'chore.done',
	undo: 'chore.reopened',
	skip: 'chore.skipped',
	reassign: 'chore.reassigned'
} as const satisfies Record<OccurrenceAction['kind'], string>;

/** The stored state of an occurrence after an action. */
export interface OccurrenceState {
	assigneeMemberId: string | null;
	/** Whose turn it was in the rotation (see StoredOccurrence.turnMemberId). */
	turnMemberId: string | null;
	status: OccurrenceStatus;
	doneByMemberId: string | null;
	doneOn: string | null;
	skipReason: string | null;
}

export interface OccurrenceRefusal {
	status: 409;
	code: 'nothing_to_undo' | 'already_done';
	message: string;
}

/** The member the action names and which field names them: each must be an active member. */
export function namedMember(action: OccurrenceAction, actorMemberId: string): { memberId: string; field: 'doneByMemberId' | 'memberId' } | null {
	if (action.kind === 'complete') return { memberId: action.doneByMemberId ?? actorMemberId, field: 'doneByMemberId' };
	if (action.kind === 'reassign') return { memberId: action.memberId, field: 'memberId' };
	return null;
}

/**
 * The occurrence after `action`, done `today` by `actorMemberId` (or whom the action names),
 * or why it is refused.
 */
export function applyOccurrenceAction(
	current: PlannedOccurrence,
	action: OccurrenceAction,
	today: string,
	actorMemberId: string
): { state: OccurrenceState } | { refusal: OccurrenceRefusal } {
	const turnMemberId = current.turnMemberId ?? null;
	switch (action.kind) {
		case 'complete':
			if (current.status === 'done') return { refusal: { status: 409, code: 'already_done', message: m.e_already_done() } };
			return {
				state: {
					assigneeMemberId: current.assigneeMemberId,
					turnMemberId,
					status: 'done',
					doneByMemberId: action.doneByMemberId ?? actorMemberId,
					doneOn: today,
					skipReason: null
				}
			};
		case 'undo':
			if (current.status === 'pending') return { refusal: { status: 409, code: 'nothing_to_undo', message: m.e_nothing_to_undo() } };
			return { state: { assigneeMemberId: current.assigneeMemberId, turnMemberId, status: 'pending', doneByMemberId: null, doneOn: null, skipReason: null } };
		case 'skip':
			return {
				state: { assigneeMemberId: current.assigneeMemberId, turnMemberId, status: 'skipped', doneByMemberId: null, doneOn: null, skipReason: action.reason }
			};
		case 'reassign':
			return {
				state: {
					assigneeMemberId: action.memberId,
					// A stand-in takes this turn only: the rotation goes on from whose turn it was.
					turnMemberId: turnMemberId ?? current.assigneeMemberId,
					status: current.status,
					doneByMemberId: current.doneByMemberId,
					doneOn: current.doneOn,
					skipReason: null
				}
			};
	}
}
