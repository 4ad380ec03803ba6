/**
 * What each member owes a house fund and how its balance went: pure arithmetic on the
 * fund's settings, the members and the fund's lines, shared by the fund page, the API
 * and the tests.
 */
import { apportion, rotationSeed } from '$lib/money/apportion';
import type { Role } from '$lib/households/roles';
import type { ContributionBasis, MemberDue } from './model';

export interface FundMember {
	id: string;
	role: Role;
	active: boolean;
	shareWeight: number | string;
}

export interface FundTerms {
	id: string;
	basis: ContributionBasis;
	monthlyMinor: number;
}

/**
 * Each member's monthly contribution. Adults who are active pay under `share_weight` (the
 * monthly total split by their share weights, exactly, the cents left over rotating by the
 * fund's id) and `fixed` (the amount each); under `agreed`, whoever pledged, what they
 * pledged. Members paying nothing are left out.
 */
export function monthlyAmounts(terms: FundTerms, members: FundMember[], pledges: ReadonlyMap<string, number>): Map<string, number> {
	const amounts = new Map<string, number>();
	if (terms.basis === 'agreed') {
		for (const member of members) {
			const pledged = pledges.get(member.id) ?? 0;
			if (member.active && pledged > 0) amounts.set(member.id, pledged);
		}
		return amounts;
	}
	const adults = members.filter((member) => member.active && member.role === 'adult');
	if (terms.monthlyMinor <= 0 || adults.length === 0) return amounts;
	if (terms.basis === 'fixed') {
		for (const adult of adults) amounts.set(adult.id, terms.monthlyMinor);
		return amounts;
	}
	const weighted = adults.filter((adult) => Number(adult.shareWeight) > 0);
	if (weighted.length === 0) return amounts;
	const shares = apportion(
		terms.monthlyMinor,
		weighted.map((adult) => ({ memberId: adult.id, weight: adult.shareWeight })),
		rotationSeed(terms.id)
	);
	for (const share of shares) if (share.amountMinor > 0) amounts.set(share.memberId, share.amountMinor);
	return amounts;
}

/** Calendar months from `from`'s month to `today`'s, both counted; 0 when `from` is later. */
export function monthsCounted(from: string, today: string): number {
	if (from > today) return 0;
	const months = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
	return months(today) - months(from) + 1;
}

/**
 * Who is behind: each payer's dues for the months counted, and what using shared things
 * paid into the fund cost them (`charged`), against what they paid in since the first
 * month. Everyone who pays, was charged or has paid is listed, most behind first.
 */
export function memberDues(
	monthly: ReadonlyMap<string, number>,
	months: number,
	paid: ReadonlyMap<string, number>,
	charged: ReadonlyMap<string, number> = new Map()
): MemberDue[] {
	const ids = new Set([...monthly.keys(), ...paid.keys(), ...charged.keys()]);
	return [...ids]
		.map((memberId) => {
			const monthlyMinor = monthly.get(memberId) ?? 0;
			const chargedMinor = charged.get(memberId) ?? 0;
			const dueMinor = monthlyMinor * months + chargedMinor;
			const paidMinor = paid.get(memberId) ?? 0;
			return { memberId, monthlyMinor, chargedMinor, dueMinor, paidMinor, behindMinor: Math.max(0, dueMinor - paidMinor) };
		})
		.sort((a, b) => b.behindMinor - a.behindMinor || b.monthlyMinor - a.monthlyMinor || a.memberId.localeCompare(b.memberId));
}

export interface FundLine {
	day: string;
	/** Positive into the fund (a contribution), negative out of it (spending). */
	deltaMinor: number;
}

export interface BalancePoint {
	/** "2026-11" */
	month: string;
	/** The balance at the end of that month (this month: today). */
	balanceMinor: number;
}

/** The balance at the end of each of the last `count` months up to `today`'s, in one pass over the lines. */
export function balanceSeries(lines: FundLine[], today: string, count: number): BalancePoint[] {
	const year = Number(today.slice(0, 4));
	const month = Number(today.slice(5, 7)) - 1;
	const months: string[] = [];
	for (let back = count - 1; back >= 0; back--) {
		const index = year * 12 + month - back;
		months.push(`${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`);
	}
	const byMonth = new Map<string, number>();
	let before = 0;
	for (const line of lines) {
		const key = line.day.slice(0, 7);
		if (key < months[0]!) before += line.deltaMinor;
		else if (key <= months[months.length - 1]!) byMonth.set(key, (byMonth.get(key) ?? 0) + line.deltaMinor);
	}
	let running = before;
	return months.map((key) => {
		running += byMonth.get(key) ?? 0;
		return { month: key, balanceMinor: running };
	});
}

/** The series as an SVG polyline's points in a `width` × `height` box (zero and the extremes in view). */
export function chartPoints(series: BalancePoint[], width: number, height: number): string {
	if (series.length === 0) return '';
	const values = series.map((point) => point.balanceMinor);
	const top = Math.max(0, ...values);
	const bottom = Math.min(0, ...values);
	const span = top - bottom || 1;
	const step = series.length > 1 ? width / (series.length - 1) : 0;
	return series.map((point, i) => `${round(i * step)},${round(height - ((point.balanceMinor - bottom) / span) * height)}`).join(' ');
}

const round = (n: number) => Math.round(n * 10) / 10;
