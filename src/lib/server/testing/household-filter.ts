/**
 * Does each statement on a household table say which household it is about? Under Citus a
 * statement that does goes to the one node holding that household; one that does not goes
 * to every node. Read from the statement's text as the app sends it (Kysely's quoted
 * identifiers, or the hand-written SQL of the `sql` tag): every mention of a household
 * table must come with that table's household_id (households: its id) in a join or a
 * filter, or in the columns an insert names.
 */
import { readFileSync } from 'node:fs';

const NOT_AN_ALIAS = new Set(
	'where inner left right full cross join on using set group order limit offset returning values select union for natural lateral as with and or having window except intersect default'.split(
		' '
	)
);
const REFERENCE = /\b(from|join|update|into)\s+(?:only\s+)?"?([a-z_]+)"?(?:\s+(?:as\s+)?"?([a-z_]+)"?)?/gi;

export interface TableMention {
	table: string;
	/** The name the statement refers to it by: its alias, or its own name. */
	as: string;
	verb: string;
	/** Where the mention starts and ends in the statement's text. */
	start: number;
	end: number;
}

export function tableMentions(statement: string): TableMention[] {
	const mentions: TableMention[] = [];
	for (const match of statement.matchAll(REFERENCE)) {
		const [, verb, table, alias] = match;
		const as = alias && !NOT_AN_ALIAS.has(alias.toLowerCase()) ? alias : table!;
		mentions.push({ table: table!, as, verb: verb!.toLowerCase(), start: match.index, end: match.index + match[0].length });
	}
	return mentions;
}

function escape(name: string): string {
	return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether this mention of a household table comes with its household key. */
function keyed(statement: string, mention: TableMention, mentions: TableMention[]): boolean {
	const key = mention.table === 'households' ? 'id' : 'household_id';
	const qualified = new RegExp(`"?${escape(mention.as)}"?\\."?${key}"?\\b`, 'i');
	if (qualified.test(statement)) return true;
	if (mention.verb === 'into' && mention.table === 'households') return true; // a new household: the insert makes its id
	if (mention.verb === 'into') {
		// insert into t (…, household_id, …): the columns follow the table's name.
		const columns = statement.slice(statement.search(new RegExp(`into\\s+"?${escape(mention.table)}"?`, 'i'))).match(/\(([^)]*)\)/);
		return columns !== null && new RegExp(`"?${key}"?`).test(columns[1]!);
	}
	// Unqualified, the key belongs to the nearest table before it: the text up to the next table's mention.
	const scope = scopeOf(statement, mention, mentions);
	return new RegExp(`(^|[^."a-z_])"?${key}"?\\s*(=|in\\b)`, 'i').test(scope);
}

/**
 * Whether the statement fixes its household by a value: a household_id (or a household's
 * id) compared with a parameter, or the household_id column of an insert. Joins on
 * household_id alone keep rows of one household together but do not say which one.
 */
const BY_VALUE = String.raw`"?\s*(=\s*(\$\d+|any\s*\(\s*\$\d+)|in\s*\(\s*\$\d+)`;

function pinned(statement: string, mentions: TableMention[], household: TableMention[]): boolean {
	if (new RegExp(`(household_id|"?households"?\\."?id)${BY_VALUE}`, 'i').test(statement)) return true;
	// households on its own, by its id: select … from "households" where "id" = $1
	if (
		household.some((mention) => mention.table === 'households' && new RegExp(`(^|[^."a-z_])"?id${BY_VALUE}`, 'i').test(scopeOf(statement, mention, mentions)))
	)
		return true;
	return household.some((mention) => mention.verb === 'into' && keyed(statement, mention, mentions));
}

/** The text from a mention up to the next table's: where an unqualified column is that table's. */
function scopeOf(statement: string, mention: TableMention, mentions: TableMention[]): string {
	const next = mentions.find((other) => other.end > mention.end);
	return statement.slice(mention.end, next?.start);
}

/** The statements that touch a household table without naming which household, each with the table. */
export function unkeyedStatements(statements: Iterable<string>, householdTables: ReadonlySet<string>): Array<{ statement: string; table: string }> {
	const found: Array<{ statement: string; table: string }> = [];
	for (const statement of statements) {
		const mentions = tableMentions(statement);
		const household = mentions.filter((mention) => householdTables.has(mention.table));
		const loose =
			household.find((mention) => !keyed(statement, mention, mentions)) ??
			(household.length && !pinned(statement, mentions, household) ? household[0] : undefined);
		if (loose) found.push({ statement, table: loose.table });
	}
	return found;
}

/** The household tables: those with a household_id, and households itself. */
export const HOUSEHOLD_TABLES_QUERY = `select distinct table_name as name from information_schema.columns
	where table_schema = 'public' and (column_name = 'household_id' or table_name = 'households')`;

/** The statements a HEARTH_QUERY_LOG file holds. */
export function readQueryLog(path: string): string[] {
	return readFileSync(path, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line) as string);
}

/** Statements that look across households on purpose, each matched by a piece of its text. */
export const ACROSS_HOUSEHOLDS: Array<{ match: RegExp; why: string }> = [
	{
		match: /from "invites" inner join "households".* where "invites"\."token_hash" = \$1$/,
		why: 'Opening an invite link: the link names no household, so its token is looked up in all of them (rare; one index lookup per node).'
	},
	{
		match: /from "members" inner join "households" on "households"\."id" = "members"\."household_id" where "members"\."user_id" = \$1/,
		why: 'The households a person belongs to (their switcher, GET /me): by person, across households. Under Citus a query to every node, or a reference table of memberships if it ever shows.'
	},
	{
		match:
			/^ select h\.id, h\.timezone, c\.due_at from households h left join household_catch_up c on c\.household_id = h\.id where c\.due_at is null or c\.due_at <= now\(\)/,
		why: 'The catch-up job finds the households whose work is due (a job, once a minute, a page of households at a time).'
	},
	{
		match: /^select "id" from "households" where "demo" = \$1 and "demo_expires_at" < \$2/,
		why: 'The hourly demo sweep finds the demo houses past their day (a job; each house is then removed by its id).'
	},
	{
		match:
			/^delete from "users" where "demo_expires_at" < \$1 and not exists \(select "members"\."id" from "members" where "members"\."user_id" = "users"\."id"\)/,
		why: 'The demo sweep removes demo visitors who no longer belong to any house: by person, across households (a job).'
	},
	{
		match: /^\s*with due as \( select household_id, id from notifications where channel <> 'app'/,
		why: 'The delivery job claims what is due in every household (a job, every few seconds, not a request).'
	}
];

/** What unkeyedStatements finds, less the statements that look across households on purpose. */
export function statementsWithoutHousehold(statements: Iterable<string>, householdTables: ReadonlySet<string>) {
	return unkeyedStatements(statements, householdTables).filter(({ statement }) => !ACROSS_HOUSEHOLDS.some((a) => a.match.test(statement.replace(/\s+/g, ' '))));
}
