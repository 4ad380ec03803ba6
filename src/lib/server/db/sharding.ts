/**
 * How the schema splits when one PostgreSQL server is not enough (docs/SCALING.md): with
 * Citus, every household table is distributed by its household (households by id, every
 * other by household_id), so one household's rows live together on one node and each
 * request is answered by that node alone. The account tables below are not any household's:
 * they become reference tables (a copy on every node), and the migration bookkeeping stays
 * on the coordinator. shard-keys.test.ts holds every table of the catalog to this.
 */

/** Distributed by this column; `households` by its id. */
export const DISTRIBUTION_COLUMN = 'household_id';

/** Tables of the whole instance, not of one household: reference tables under Citus. */
export const REFERENCE_TABLES = [
	'users',
	'sessions',
	'access_tokens',
	'password_resets',
	'push_subscriptions',
	'rate_limits',
	'instance_secrets',
	'instance_backups'
] as const;

/** Kysely's own bookkeeping: only the migrator reads it, on the coordinator. */
export const COORDINATOR_TABLES = ['kysely_migration', 'kysely_migration_lock'] as const;
