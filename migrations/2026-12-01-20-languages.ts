import { sql, type Kysely } from 'kysely';

// Every person in their own language. An account's choice (none: the browser's), a member's
// for a member without a login (the reminders go to them or their guardian in it), and the
// household's for what it shares as a whole (calendar feeds, exports). Adding a language to
// Hearth adds it here too, so the database never holds one the app cannot speak.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		alter table users add column locale text check (locale in ('en', 'de', 'es', 'pl', 'ar'));
		alter table members add column locale text check (locale in ('en', 'de', 'es', 'pl', 'ar'));
		alter table households add column locale text not null default 'en' check (locale in ('en', 'de', 'es', 'pl', 'ar'));
	`.execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
