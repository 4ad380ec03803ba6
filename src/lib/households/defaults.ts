/**
 * A house's defaults for new entries (Settings → Defaults): one model for the settings
 * form, the expense form and the member form.
 */
import type { SplitMode } from '$lib/money/splits';
import { labelsOf } from '$lib/i18n/labels';
import { m } from '$lib/paraglide/messages';
import { rolePresets, type RolePresets } from './roles';

/** 'auto': by share weight when the members' weights differ, else equally. */
export type DefaultSplitMode = 'auto' | SplitMode;

export const DEFAULT_SPLIT_LABELS = labelsOf<DefaultSplitMode>({
	auto: m.default_split_auto,
	equal: m.split_equal,
	weights: m.split_weights,
	shares: m.split_shares,
	percent: m.split_percent,
	exact: m.split_exact
});

export interface HouseholdDefaults {
	splitMode: DefaultSplitMode;
	/** A new expense starts with the way its payer last split one. */
	rememberPayerSplit: boolean;
	rolePresets: RolePresets;
	/** The most one portion of a common meal costs those who ate; null: no cap. */
	mealPortionCapMinor: number | null;
}

export const BUILT_IN_DEFAULTS: HouseholdDefaults = { splitMode: 'auto', rememberPayerSplit: true, rolePresets: rolePresets(), mealPortionCapMinor: null };

/** What the expense form needs to start a new expense's split, and to follow a change of payer. */
export interface SplitDefaults {
	splitMode: DefaultSplitMode;
	rememberPayerSplit: boolean;
	/** Each payer's last way of splitting (empty when the house does not remember). */
	lastByPayer: Record<string, SplitMode>;
}

/** How a new expense paid by `payerId` starts splitting. */
export function initialSplitMode(defaults: SplitDefaults, members: Array<{ shareWeight: number }>, payerId: string): SplitMode {
	const remembered = defaults.rememberPayerSplit ? defaults.lastByPayer[payerId] : undefined;
	if (remembered) return remembered;
	if (defaults.splitMode !== 'auto') return defaults.splitMode;
	return new Set(members.map((m) => m.shareWeight)).size > 1 ? 'weights' : 'equal';
}
