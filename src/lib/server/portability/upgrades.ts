/**
 * Older export files, brought up to the current version before they are checked and
 * imported. A file keeps the version it was written with; each migration that changes what
 * an export holds bumps EXPORT_VERSION and adds the upgrader from the version before, so a
 * file written years ago still imports (fixtures/export-v1.json is imported by the tests).
 */
import { EXPORT_VERSION, type ExportDocument } from './document';

type Upgrade = (doc: ExportDocument) => ExportDocument;

/** Fills `column` with `value` in every row of `tables` that lacks it. */
function withColumn(doc: ExportDocument, tables: Array<keyof ExportDocument['tables']>, column: string, value: unknown): ExportDocument {
	const next = { ...doc, tables: { ...doc.tables } };
	for (const table of tables) next.tables[table] = doc.tables[table].map((row) => (column in row ? row : { ...row, [column]: value }));
	return next;
}

/** UPGRADES[n] turns a version-n document into version n + 1. */
const UPGRADES: Record<number, Upgrade> = {
	// Version 2 (migration 12): members and recurring expenses carry the version a save is checked against.
	// (Migration 10's turn_member_id may be missing: it is null when the assignee is the planned one.)
	1: (doc) => ({ ...withColumn(doc, ['members', 'recurring_expenses'], 'version', 1), version: 2 }),
	// Version 3 (migration 22): a member without a login may have a guardian and an address for reminders.
	2: (doc) => ({ ...withColumn(withColumn(doc, ['members'], 'guardian_member_id', null), ['members'], 'reminder_email', null), version: 3 }),
	// Version 4 (migration 23): shared things and their bookings, new tables (an older file has none: the schema's default).
	3: (doc) => ({ ...doc, version: 4 }),
	// Version 5 (migration 24): a thing's cost and whom it is paid to; a booking's km readings and the expense it became.
	4: (doc) => {
		let next = doc;
		for (const column of ['cost_minor', 'cost_unit', 'paid_to_member_id']) next = withColumn(next, ['shared_things'], column, null);
		for (const column of ['start_km', 'end_km', 'expense_id']) next = withColumn(next, ['bookings'], column, null);
		return { ...next, version: 5 };
	},
	// Version 6 (migration 25): common meals, new tables; the house's cap on what a meal's portion costs.
	5: (doc) => ({ ...withColumn(doc, ['household_defaults'], 'meal_portion_cap_minor', null), version: 6 }),
	// Version 7 (migration 26): house funds, new tables; an expense may be paid from one.
	6: (doc) => ({ ...withColumn(doc, ['expenses'], 'fund_id', null), version: 7 }),
	// Version 8 (migrations 27, 28): a thing's cost may be paid into a fund (charges owed to funds, a new
	// table); a meal's crew line may come from a chore's turn.
	7: (doc) => ({ ...withColumn(withColumn(doc, ['shared_things'], 'paid_to_fund_id', null), ['meal_crew'], 'from_chore_id', null), version: 8 })
};

/** The document as the current version; a file from the future was refused by the schema already. */
export function upgradeDocument(doc: ExportDocument): ExportDocument {
	let current = doc;
	while (current.version < EXPORT_VERSION) {
		const upgrade = UPGRADES[current.version];
		if (!upgrade) throw new Error(`No upgrader from export version ${current.version}.`);
		current = upgrade(current);
	}
	return current;
}

/** Every version before the current one has its upgrader (checked by the tests). */
export const UPGRADABLE_VERSIONS = Object.keys(UPGRADES).map(Number);
