/**
 * Fairness: per member, the effort they did against the effort that was theirs to do.
 * "Expected" shares every occurrence that was not skipped among the chore's participants
 * available that day, in proportion to their chore capacity; an away member expects nothing.
 */
export interface FairnessOccurrence {
	choreId: string;
	dueOn: string;
	effort: number;
	status: 'pending' | 'done' | 'skipped' | 'overdue';
	doneByMemberId: string | null;
}

export interface FairnessRow {
	memberId: string;
	effortDone: number;
	effortExpected: number;
}

export function fairness(
	occurrences: readonly FairnessOccurrence[],
	participantsOf: (choreId: string) => string[],
	capacityOf: (memberId: string) => number,
	isAvailable: (memberId: string, day: string) => boolean,
	memberIds: string[]
): FairnessRow[] {
	const done = new Map(memberIds.map((id) => [id, 0]));
	const expected = new Map(memberIds.map((id) => [id, 0]));
	for (const o of occurrences) {
		if (o.status === 'skipped') continue;
		if (o.status === 'done' && o.doneByMemberId) done.set(o.doneByMemberId, (done.get(o.doneByMemberId) ?? 0) + o.effort);
		const available = participantsOf(o.choreId).filter((id) => isAvailable(id, o.dueOn) && capacityOf(id) > 0);
		const total = available.reduce((sum, id) => sum + capacityOf(id), 0);
		for (const id of available) expected.set(id, (expected.get(id) ?? 0) + (o.effort * capacityOf(id)) / total);
	}
	return memberIds.map((memberId) => ({
		memberId,
		effortDone: done.get(memberId) ?? 0,
		effortExpected: Math.round((expected.get(memberId) ?? 0) * 100) / 100
	}));
}
