/**
 * The database's types. The tables come from the migrated database itself
 * (`generated.ts`, written by `npm run db:types` with kysely-codegen; the test suite fails
 * when a migration changes the schema and the file was not regenerated). The typed JSON
 * and value-list columns are set in `.kysely-codegenrc.json` from each domain's model.
 * Here: the names the code uses for rows.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DB, Households, Members } from './generated';

export type Database = DB;
export type { Role } from '$lib/households/roles';

export type User = Selectable<DB['users']>;
export type Session = Selectable<DB['sessions']>;
/** What a request knows of its household (whether it may back-date history is the seeder's business). */
export type Household = Omit<Selectable<Households>, 'demo'>;
export type MemberRow = Selectable<Members>;
export type NewMember = Insertable<Members>;
export type MemberUpdate = Updateable<Members>;
export type InviteRow = Selectable<DB['invites']>;
export type AbsenceRow = Selectable<DB['absences']>;
export type ActivityRow = Selectable<DB['activity']>;
export type ExpenseRow = Selectable<DB['expenses']>;
export type RecurringExpenseRow = Selectable<DB['recurringExpenses']>;
