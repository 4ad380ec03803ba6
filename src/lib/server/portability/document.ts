/**
 * The household export document: one JSON file holding everything a house has written —
 * rows of each table as Postgres stores them (snake_case columns, the household id left
 * out, members without their login), in the order they import. Files of an older version
 * are brought up to this one by upgrades.ts before they are imported.
 */
import { z } from 'zod';
import { householdInput } from '$lib/server/households/schemas';
import { m } from '$lib/paraglide/messages';

export const EXPORT_FORMAT = 'hearth.household';
/** The version this Hearth writes; it reads every version from 1 up to it. */
export const EXPORT_VERSION = 8;

/** Parents before children: the order rows are inserted in on import. */
export const EXPORTED_TABLES = [
	'members',
	'absences',
	'funds',
	'fund_pledges',
	'fund_contributions',
	'expense_categories',
	'expenses',
	'expense_payers',
	'expense_shares',
	'expense_versions',
	'settlements',
	'recurring_expenses',
	'recurring_runs',
	'chores',
	'chore_participants',
	'chore_occurrences',
	'chore_calendar_state',
	'proposals',
	'proposal_options',
	'proposal_voters',
	'votes',
	'vote_history',
	'proposal_comments',
	'decision_rules',
	'household_defaults',
	'payer_split_modes',
	'shared_things',
	'bookings',
	'fund_charges',
	'meals',
	'meal_diners',
	'meal_crew',
	'activity'
] as const;

export type ExportedTable = (typeof EXPORTED_TABLES)[number];

/**
 * Household tables an export leaves out, and why. A test holds every table with a
 * household_id to one list or the other, so a new table is a decision, not an accident.
 */
export const NOT_EXPORTED: Record<string, string> = {
	invites: 'links for this server only: their tokens must not travel in a file',
	calendar_feeds: 'secret subscription links for this server only',
	member_balances: 'derived from expenses and settlements (rebuilt by triggers on import)',
	household_expense_totals: 'derived from expenses (rebuilt by triggers on import)',
	sweep_failures: 'this server’s record of background work that failed',
	activity_seen: 'each person’s place on Home on this server, not the house’s record',
	household_catch_up: 'when this server next owes the house its background work',
	household_versions: 'this server’s count of the house’s changes (what its page cache is keyed by)',
	notification_events: 'notifications sent on this server: news when it happened, not the house’s record',
	notifications: 'each person’s deliveries and what they read on this server',
	notification_preferences: 'each person’s choices on this server (defaults apply after an import)'
};

/**
 * Columns derived from other rows: left out of the file and rebuilt by triggers on import
 * (a fund's balance is what its contributions and purchases add up to).
 */
export const DERIVED_COLUMNS: Partial<Record<ExportedTable, string[]>> = { funds: ['balance_minor'] };

/** Tables whose ids come from a sequence: exported in id order without the id, renumbered on import. */
export const SEQUENCED_TABLES: ReadonlySet<ExportedTable> = new Set(['activity', 'vote_history']);

const row = z.record(z.string(), z.unknown());

export const exportDocument = z
	.object({
		format: z.literal(EXPORT_FORMAT, { error: () => m.x_not_export() }),
		version: z.number({ error: () => m.x_no_version() }).refine((v) => Number.isInteger(v) && v >= 1 && v <= EXPORT_VERSION, {
			error: () => m.x_version({ max: EXPORT_VERSION })
		}),
		exportedAt: z.string().optional(),
		exportedByMemberId: z.string().nullable().optional(),
		household: householdInput,
		tables: z
			.object(
				Object.fromEntries(EXPORTED_TABLES.map((table) => [table, z.array(row, { error: `“${table}” must be a list of rows.` }).default([])])) as Record<
					ExportedTable,
					z.ZodDefault<z.ZodArray<typeof row>>
				>
			)
			.strict()
	})
	.meta({ id: 'HouseholdExport', description: 'A whole household, as `GET /households/{hid}/export` writes it' });

export type ExportDocument = z.infer<typeof exportDocument>;
