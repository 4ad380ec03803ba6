/**
 * Who eats at a common meal, and how many portions each is charged for: pure, so the
 * page, the API, the sign-up's cap and the expense all count the same way.
 */
import type { Role, RolePresets } from '$lib/households/roles';
import type { Diner, Eater, MealAttendance } from './model';

export interface MealMember {
	id: string;
	role: Role;
	active: boolean;
	/** For a member without a login: the adult who looks after them. */
	guardianMemberId: string | null;
}

/** Portions are kept to hundredths (the database's numeric(4,2)); sums are rounded the same way. */
export const roundPortions = (value: number) => Math.round(value * 100) / 100;

/**
 * Who eats, in the members' order: in a sign-up house those who said yes; in a sign-out
 * house every active member but those who said no (their role's portions unless they said
 * otherwise). Guests each eat a guest's portion, charged to their host; a child's portions
 * are charged to the adult who signed them up (else their guardian), as a child's booking is.
 */
export function eatersOf(
	attendance: MealAttendance,
	members: readonly MealMember[],
	diners: readonly Pick<Diner, 'memberId' | 'eating' | 'portions' | 'guests' | 'signedByMemberId'>[],
	presets: RolePresets
): Eater[] {
	const said = new Map(diners.map((diner) => [diner.memberId, diner]));
	const eaters: Eater[] = [];
	for (const member of members) {
		const diner = said.get(member.id);
		const eats = diner ? diner.eating : attendance === 'sign_out' && member.active;
		if (!eats) continue;
		const own = diner ? diner.portions : presets[member.role].mealPortions;
		const portions = roundPortions(own + (diner?.guests ?? 0) * presets.guest.mealPortions);
		const signedBy = diner && diner.signedByMemberId !== member.id ? diner.signedByMemberId : null;
		const chargedToMemberId = member.role === 'child' ? (signedBy ?? member.guardianMemberId ?? member.id) : member.id;
		if (portions > 0) eaters.push({ memberId: member.id, portions, chargedToMemberId });
	}
	return eaters;
}

/** The portions each payer is charged for (their own, their guests', the children's they answered for), in the eaters' order. */
export function chargedPortions(eaters: readonly Eater[]): Array<{ memberId: string; portions: number }> {
	const byPayer = new Map<string, number>();
	for (const eater of eaters) byPayer.set(eater.chargedToMemberId, roundPortions((byPayer.get(eater.chargedToMemberId) ?? 0) + eater.portions));
	return [...byPayer].map(([memberId, portions]) => ({ memberId, portions }));
}

export const totalPortions = (eaters: readonly Eater[]) => roundPortions(eaters.reduce((sum, eater) => sum + eater.portions, 0));

/**
 * What those who ate are charged for a meal that cost `spentMinor`: all of it, or at most
 * the house's cap per portion (the cooks carry the rest).
 */
export function mealCharge(spentMinor: number, portions: number, capPerPortionMinor: number | null): number {
	if (capPerPortionMinor === null) return spentMinor;
	return Math.min(spentMinor, Math.floor(capPerPortionMinor * portions));
}

/** "1.5" as the reader writes it ("1,5"); whole numbers without decimals. */
export const formatPortions = (value: number, locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
