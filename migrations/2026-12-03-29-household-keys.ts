import { sql, type Kysely } from 'kysely';

// Ready to shard by household (docs/SCALING.md): a distributed table's unique keys must hold
// its distribution column. The two secret-link tables had their token unique on its own;
// a token is random (256 bits), so unique within its household is all a key needs to say.
// A feed link names its household, so the new key serves its lookup. An invite link names
// none: opening one looks the token up in every household (a plain index here, a query to
// every shard under Citus; people open invite links rarely).
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`alter table calendar_feeds drop constraint calendar_feeds_token_hash_key`.execute(db);
	await sql`alter table calendar_feeds add constraint calendar_feeds_token_key unique (household_id, token_hash)`.execute(db);
	await sql`alter table invites drop constraint invites_token_hash_key`.execute(db);
	await sql`alter table invites add constraint invites_token_key unique (household_id, token_hash)`.execute(db);
	await sql`create index invites_token_hash_idx on invites (token_hash)`.execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
