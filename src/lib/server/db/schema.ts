import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Expense, MoneyLine } from '$lib/money/model';
import type { Split, SplitMode } from '$lib/money/splits';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns travel as 'YYYY-MM-DD' strings (see the pg type parser in db/index.ts). */
type DateOnly = ColumnType<string, string, string>;
/** `numeric` columns travel as strings from pg; the domain turns them into numbers. */
type Numeric = ColumnType<string, string | number | undefined, string | number>;

export type Role = 'adult' | 'youth' | 'child' | 'guest';

export interface UsersTable {
	id: Generated<string>;
	email: string;
	displayName: string;
	passwordHash: string;
	lastHouseholdId: string | null;
	createdAt: Generated<Date>;
	/** A "Try the demo" visitor's account: deleted with their demo house after this. */
	demoExpiresAt: Timestamp | null;
}

export interface SessionsTable {
	id: string;
	userId: string;
	expiresAt: Timestamp;
	createdAt: Generated<Date>;
}

export interface PasswordResetsTable {
	tokenHash: string;
	userId: string;
	expiresAt: Timestamp;
	usedAt: Timestamp | null;
	createdAt: Generated<Date>;
}

export interface RateLimitsTable {
	key: string;
	windowStartedAt: Timestamp;
	hits: number;
}

export interface HouseholdsTable {
	id: Generated<string>;
	name: string;
	currency: string;
	timezone: string;
	createdAt: Generated<Date>;
	version: Generated<number>;
	/** A demo house: its activity log may be back-dated by the seeder. */
	demo: Generated<boolean>;
	/** A visitor's demo house is deleted after this; the dev demo house has none. */
	demoExpiresAt: Timestamp | null;
}

export interface MembersTable {
	householdId: string;
	id: Generated<string>;
	displayName: string;
	role: Role;
	isAdmin: Generated<boolean>;
	userId: string | null;
	shareWeight: Numeric;
	choreCapacity: Numeric;
	active: Generated<boolean>;
	leftAt: Timestamp | null;
	createdAt: Generated<Date>;
	version: Generated<number>;
}

export interface HouseholdDefaultsTable {
	householdId: string;
	splitMode: Generated<'auto' | 'equal' | 'weights' | 'shares' | 'percent' | 'exact'>;
	rememberPayerSplit: Generated<boolean>;
	rolePresets: ColumnType<Record<string, { shareWeight?: number; choreCapacity?: number }>, string | undefined, string>;
}

export interface PayerSplitModesTable {
	householdId: string;
	memberId: string;
	splitMode: 'equal' | 'weights' | 'shares' | 'percent' | 'exact';
}

/** When a household's background work is next due (households/catch-up.ts). */
export interface HouseholdCatchUpTable {
	householdId: string;
	dueAt: Timestamp;
}

/** The newest activity entry a member has seen on Home ("since your last visit"). */
export interface ActivitySeenTable {
	householdId: string;
	memberId: string;
	seenThrough: number;
}

export interface InvitesTable {
	householdId: string;
	id: Generated<string>;
	tokenHash: string;
	role: Role;
	memberId: string | null;
	maxUses: number;
	useCount: Generated<number>;
	expiresAt: Timestamp;
	revokedAt: Timestamp | null;
	createdByMemberId: string;
	createdAt: Generated<Date>;
}

export interface AbsencesTable {
	householdId: string;
	id: Generated<string>;
	memberId: string;
	startsOn: DateOnly;
	endsOn: DateOnly;
	note: Generated<string>;
	createdByMemberId: string;
	createdAt: Generated<Date>;
}

export interface ActivityTable {
	householdId: string;
	id: ColumnType<string, never, never>;
	actorMemberId: string | null;
	action: string;
	subjectType: string;
	subjectId: string | null;
	summary: string;
	details: ColumnType<Record<string, unknown>, string | undefined, never>;
	createdAt: Generated<Date>;
}

export interface Database extends MoneyTables, RecurringTables, ChoreTables, DecisionTables {
	users: UsersTable;
	sessions: SessionsTable;
	passwordResets: PasswordResetsTable;
	rateLimits: RateLimitsTable;
	households: HouseholdsTable;
	members: MembersTable;
	invites: InvitesTable;
	absences: AbsencesTable;
	activity: ActivityTable;
	activitySeen: ActivitySeenTable;
	householdCatchUp: HouseholdCatchUpTable;
	householdDefaults: HouseholdDefaultsTable;
	payerSplitModes: PayerSplitModesTable;
	sweepFailures: SweepFailuresTable;
}

export type User = Selectable<UsersTable>;
export type Session = Selectable<SessionsTable>;
/** What a request knows of its household (whether it may back-date history is the seeder's business). */
export type Household = Omit<Selectable<HouseholdsTable>, 'demo'>;
export type MemberRow = Selectable<MembersTable>;
export type NewMember = Insertable<MembersTable>;
export type MemberUpdate = Updateable<MembersTable>;
export type InviteRow = Selectable<InvitesTable>;
export type AbsenceRow = Selectable<AbsencesTable>;
export type ActivityRow = Selectable<ActivityTable>;

/** bigint money columns: pg gives strings; db/index.ts parses int8 to number (safe below 2^53). */
type Minor = ColumnType<number, number, number>;

export interface ExpenseCategoriesTable {
	householdId: string;
	key: string;
	name: string;
	createdAt: Generated<Date>;
}

export interface ExpensesTable {
	householdId: string;
	id: Generated<string>;
	version: Generated<number>;
	description: string;
	amountMinor: Minor;
	spentOn: DateOnly;
	category: string;
	notes: Generated<string>;
	splitMode: SplitMode;
	splitParts: ColumnType<Split['parts'], string, string>;
	createdByMemberId: string;
	deletedAt: Timestamp | null;
	createdAt: Generated<Date>;
	updatedAt: Generated<Date>;
}

export interface ExpenseMoneyLinesTable {
	householdId: string;
	expenseId: string;
	memberId: string;
	amountMinor: Minor;
}

export interface SettlementsTable {
	householdId: string;
	id: Generated<string>;
	fromMemberId: string;
	toMemberId: string;
	amountMinor: Minor;
	paidOn: DateOnly;
	note: Generated<string>;
	createdByMemberId: string;
	deletedAt: Timestamp | null;
	createdAt: Generated<Date>;
}

export interface MoneyTables {
	expenseCategories: ExpenseCategoriesTable;
	expenses: ExpensesTable;
	expensePayers: ExpenseMoneyLinesTable;
	expenseShares: ExpenseMoneyLinesTable;
	settlements: SettlementsTable;
}

export type ExpenseRow = Selectable<ExpensesTable>;

export interface ExpenseVersionsTable {
	householdId: string;
	expenseId: string;
	version: number;
	snapshot: ColumnType<Expense, string, never>;
	savedByMemberId: string;
	savedAt: Generated<Date>;
}

export interface RecurringExpensesTable {
	householdId: string;
	id: Generated<string>;
	description: string;
	amountMinor: Minor;
	category: string;
	notes: Generated<string>;
	payers: ColumnType<MoneyLine[], string, string>;
	split: ColumnType<Split, string, string>;
	scheduleKind: 'monthly' | 'weekly';
	version: Generated<number>;
	interval: Generated<number>;
	dayOfMonth: number | null;
	weekday: number | null;
	startsOn: DateOnly;
	endsOn: DateOnly | null;
	paused: Generated<boolean>;
	createdByMemberId: string;
	createdAt: Generated<Date>;
}

export interface RecurringRunsTable {
	householdId: string;
	recurringId: string;
	period: DateOnly;
	expenseId: string | null;
	createdAt: Generated<Date>;
}

export interface RecurringTables {
	expenseVersions: ExpenseVersionsTable;
	recurringExpenses: RecurringExpensesTable;
	recurringRuns: RecurringRunsTable;
}

export type RecurringExpenseRow = Selectable<RecurringExpensesTable>;

export interface ChoresTable {
	householdId: string;
	id: Generated<string>;
	name: string;
	description: Generated<string>;
	effort: number;
	schedule: ColumnType<import('$lib/chores/schedule').ChoreSchedule, string, string>;
	strategy: 'rotate' | 'fair' | 'fixed' | 'open';
	active: Generated<boolean>;
	version: Generated<number>;
	createdByMemberId: string;
	createdAt: Generated<Date>;
}

export interface ChoreParticipantsTable {
	householdId: string;
	choreId: string;
	memberId: string;
	position: number;
}

export interface ChoreOccurrencesTable {
	householdId: string;
	choreId: string;
	dueOn: DateOnly;
	assigneeMemberId: string | null;
	status: 'pending' | 'done' | 'skipped';
	doneByMemberId: string | null;
	doneAt: Timestamp | null;
	doneOn: DateOnly | null;
	skipReason: string | null;
	effort: number;
	frozen: Generated<boolean>;
	/** Whose turn it was when it was given to someone else; null when the assignee is the planned one. */
	turnMemberId: string | null;
	updatedAt: Generated<Date>;
}

export interface ChoreCalendarStateTable {
	householdId: string;
	frozenThrough: DateOnly;
}

export interface ChoreTables {
	calendarFeeds: CalendarFeedsTable;
	choreCalendarState: ChoreCalendarStateTable;
	chores: ChoresTable;
	choreParticipants: ChoreParticipantsTable;
	choreOccurrences: ChoreOccurrencesTable;
}

export interface CalendarFeedsTable {
	householdId: string;
	id: Generated<string>;
	memberId: string;
	scope: 'household' | 'member';
	tokenHash: string;
	createdAt: Generated<Date>;
	revokedAt: Timestamp | null;
}

type Json<T> = ColumnType<T, string, string>;

export interface ProposalsTable {
	householdId: string;
	id: Generated<string>;
	authorMemberId: string;
	title: string;
	body: Generated<string>;
	kind: 'consent' | 'choice' | 'ranked';
	threshold: 'majority' | 'two_thirds' | 'three_quarters' | 'unanimous' | 'consensus';
	quorumPct: number;
	voterClass: 'all' | 'adults_and_youth' | 'adults';
	closesAt: Timestamp;
	hideResults: Generated<boolean>;
	status: ColumnType<'open' | 'passed' | 'rejected' | 'no_quorum' | 'decided' | 'tied' | 'withdrawn', string | undefined, string>;
	tally: Json<Record<string, unknown>> | null;
	outcome: Json<Record<string, unknown>> | null;
	reason: string | null;
	linkedExpense: Json<Record<string, unknown>> | null;
	linkedExpenseId: string | null;
	createdAt: Generated<Date>;
	closedAt: Timestamp | null;
}

export interface ProposalOptionsTable {
	householdId: string;
	proposalId: string;
	id: Generated<string>;
	label: string;
	position: number;
}

export interface ProposalVotersTable {
	householdId: string;
	proposalId: string;
	memberId: string;
}

export interface VotesTable {
	householdId: string;
	proposalId: string;
	memberId: string;
	position: 'yes' | 'no' | 'abstain' | 'block' | null;
	optionIds: Json<string[]> | null;
	ranking: Json<string[]> | null;
	reason: string | null;
	castByMemberId: string;
	castAt: Generated<Date>;
}

export interface VoteHistoryTable extends Omit<VotesTable, 'castAt'> {
	id: ColumnType<string, never, never>;
	castAt: Timestamp;
}

export interface ProposalCommentsTable {
	householdId: string;
	proposalId: string;
	id: Generated<string>;
	memberId: string;
	body: string;
	createdAt: Generated<Date>;
}

export interface SweepFailuresTable {
	householdId: string;
	sweep: 'close-proposals' | 'recurring-expenses' | 'freeze-chores';
	subjectId: string;
	message: string;
	attempts: Generated<number>;
	firstFailedAt: Generated<Date>;
	lastFailedAt: Generated<Date>;
}

export interface AccessTokensTable {
	id: Generated<string>;
	userId: string;
	name: string;
	tokenHash: string;
	createdAt: Generated<Date>;
	lastUsedAt: Timestamp | null;
	revokedAt: Timestamp | null;
}

export interface HouseholdExpenseTotalsTable {
	householdId: string;
	expenseCount: Minor;
	totalMinor: Minor;
}

export interface DecisionRulesTable {
	householdId: string;
	purpose: 'ordinary' | 'money';
	threshold: ProposalsTable['threshold'];
	quorumPct: number;
	voterClass: ProposalsTable['voterClass'];
	updatedAt: Generated<Date>;
}

export interface DecisionTables {
	decisionRules: DecisionRulesTable;
	accessTokens: AccessTokensTable;
	householdExpenseTotals: HouseholdExpenseTotalsTable;
	proposals: ProposalsTable;
	proposalOptions: ProposalOptionsTable;
	proposalVoters: ProposalVotersTable;
	votes: VotesTable;
	voteHistory: VoteHistoryTable;
	proposalComments: ProposalCommentsTable;
}
