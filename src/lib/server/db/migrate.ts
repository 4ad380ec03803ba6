import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../../../migrations', import.meta.url));

/** Reads the top-level migrations/ folder; the import goes through whichever TS loader runs us. */
class FolderMigrationProvider implements MigrationProvider {
	constructor(private readonly folder: string) {}
	async getMigrations(): Promise<Record<string, Migration>> {
		const files = (await readdir(this.folder)).filter((file) => /\.(ts|js)$/.test(file)).sort();
		const migrations: Record<string, Migration> = {};
		for (const file of files) {
			const module = (await import(/* @vite-ignore */ pathToFileURL(resolve(this.folder, file)).href)) as Migration;
			migrations[file.replace(/\.(ts|js)$/, '')] = { up: module.up, down: module.down };
		}
		return migrations;
	}
}

/** Applies every pending migration. Kysely takes an advisory lock, so two instances starting at once are safe. */
export async function migrateToLatest(db: Kysely<unknown>, folder = MIGRATIONS_DIR): Promise<string[]> {
	const migrator = new Migrator({ db, provider: new FolderMigrationProvider(folder) });
	const { error, results } = await migrator.migrateToLatest();
	if (error) throw error instanceof Error ? error : new Error(String(error));
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The migrations of this build, by name, in order. */
export async function migrationNames(folder = MIGRATIONS_DIR): Promise<string[]> {
	return Object.keys(await new FolderMigrationProvider(folder).getMigrations());
}

/** Applies migrations up to and including `name` (a restore builds the schema its backup was taken with). */
export async function migrateUpTo(db: Kysely<unknown>, name: string, folder = MIGRATIONS_DIR): Promise<string[]> {
	const migrator = new Migrator({ db, provider: new FolderMigrationProvider(folder) });
	const { error, results } = await migrator.migrateTo(name);
	if (error) throw error instanceof Error ? error : new Error(String(error));
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
