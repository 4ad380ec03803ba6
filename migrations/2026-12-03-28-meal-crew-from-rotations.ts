import { sql, type Kysely } from 'kysely';

// The commons, part six (issue 19): a meal's cooks and cleaners may be taken from a chore
// rotation ("Cook Sunday dinner" rotating among the adults): whoever's turn it is on the
// meal's day joins its crew, and the crew line says which chore it came from. That work is
// counted once, by the chore's own turn when it is done (its rotation and fairness already
// track it), so chore fairness does not count such a crew line again.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		alter table meal_crew
			add column from_chore_id uuid,
			add constraint meal_crew_from_chore_fk foreign key (household_id, from_chore_id) references chores (household_id, id)`.execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
