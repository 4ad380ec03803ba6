/**
 * Who can take a chore on a day: someone who was a member then (not after their last day)
 * and not away. The one answer the plan and the fairness figures both use, so a leaver's
 * capacity stops counting in both on the same day.
 */
export interface AvailableMember {
	id: string;
	/** The last day they were a member, or null while they live here. */
	lastDay: string | null;
}

export interface Absence {
	memberId: string;
	from: string;
	to: string;
}

/** Absences are grouped per member once: each question is then a look at that member's own. */
export function availability(members: AvailableMember[], absences: Absence[]): (memberId: string, day: string) => boolean {
	const lastDayOf = new Map(members.map((m) => [m.id, m.lastDay]));
	const absencesOf = new Map<string, Absence[]>();
	for (const a of absences) {
		const list = absencesOf.get(a.memberId);
		if (list) list.push(a);
		else absencesOf.set(a.memberId, [a]);
	}
	return (memberId, day) => {
		if (!lastDayOf.has(memberId)) return false;
		const lastDay = lastDayOf.get(memberId);
		if (lastDay !== null && lastDay !== undefined && day > lastDay) return false;
		return !(absencesOf.get(memberId) ?? []).some((a) => a.from <= day && day <= a.to);
	};
}
