import type pg from 'pg';

/** Every household-scoped table's state, to prove a refused request changed nothing. */
export async function householdSnapshot(db: pg.Client, householdId: string) {
	const { rows } = await db.query(
		`select (select count(*) from activity where household_id = $1) as activity,
		        (select count(*) from members where household_id = $1) as members,
		        (select count(*) from invites where household_id = $1) as invites,
		        (select count(*) from absences where household_id = $1) as absences,
		        (select count(*) from expenses where household_id = $1) as expenses,
		        (select string_agg(id::text || ':' || version::text || ':' || coalesce(deleted_at::text, ''), ',' order by id::text || ':' || version::text || ':' || coalesce(deleted_at::text, '')) from expenses where household_id = $1) as expense_state,
		        (select string_agg(id::text || coalesce(deleted_at::text, ''), ',' order by id::text || coalesce(deleted_at::text, '')) from settlements where household_id = $1) as settlements,
		        (select string_agg(id::text || description || amount_minor::text || paused::text || coalesce(ends_on::text, ''), ',' order by id::text || description || amount_minor::text || paused::text || coalesce(ends_on::text, '')) from recurring_expenses where household_id = $1) as recurring,
		        (select string_agg(id::text || name || version::text, ',' order by id::text || name || version::text) from chores where household_id = $1) as chores,
		        (select string_agg(id::text || coalesce(revoked_at::text, ''), ',' order by id::text || coalesce(revoked_at::text, '')) from calendar_feeds where household_id = $1) as feeds,
		        (select string_agg(chore_id::text || due_on::text || status || coalesce(assignee_member_id::text, ''), ',' order by chore_id::text || due_on::text || status || coalesce(assignee_member_id::text, '')) from chore_occurrences where household_id = $1 and not frozen) as occurrences,
		        (select count(*) from expense_categories where household_id = $1) as categories,
		        (select string_agg(id::text || title || body || status, ',' order by id::text || title || body || status) from proposals where household_id = $1) as proposals,
		        (select string_agg(label, ',' order by label) from proposal_options where household_id = $1) as proposal_options,
		        (select count(*) from vote_history where household_id = $1) as votes,
		        (select count(*) from proposal_comments where household_id = $1) as comments,
		        (select string_agg(purpose || threshold || quorum_pct::text || voter_class, ',' order by purpose || threshold || quorum_pct::text || voter_class) from decision_rules where household_id = $1) as rules,
		        (select string_agg(display_name || role || is_admin || active, ',' order by id) from members where household_id = $1) as member_state,
		        (select string_agg(id::text || name || version::text, ',' order by id) from shared_things where household_id = $1) as things,
		        (select string_agg(id::text || status || member_id::text || coalesce(checked_out_at::text, '') || coalesce(returned_at::text, ''), ',' order by id) from bookings where household_id = $1) as bookings,
		        (select string_agg(id::text || version::text || cancelled::text || coalesce(expense_id::text, ''), ',' order by id) from meals where household_id = $1) as meals,
		        (select string_agg(meal_id::text || member_id::text || eating::text || portions::text || guests::text || diet, ',' order by meal_id, member_id) from meal_diners where household_id = $1) as meal_diners,
		        (select string_agg(meal_id::text || member_id::text || task, ',' order by meal_id, member_id, task) from meal_crew where household_id = $1) as meal_crew,
		        (select string_agg(id::text || name || balance_minor::text || version::text || archived::text, ',' order by id) from funds where household_id = $1) as funds,
		        (select string_agg(fund_id::text || member_id::text || monthly_minor::text, ',' order by fund_id, member_id) from fund_pledges where household_id = $1) as fund_pledges,
		        (select string_agg(id::text || amount_minor::text || coalesce(deleted_at::text, ''), ',' order by id) from fund_contributions where household_id = $1) as fund_contributions,
		        (select string_agg(id::text || member_id::text || amount_minor::text, ',' order by id) from fund_charges where household_id = $1) as fund_charges,
		        (select name || currency || timezone from households where id = $1) as settings`,
		[householdId]
	);
	return rows[0];
}

/** Every row of every table with a household_id (and the household's own), as one digest per table: any write shows. */
export async function everyHouseholdRow(db: pg.Client, householdId: string): Promise<Record<string, string>> {
	const { rows: tables } = await db.query<{ name: string }>(
		`select distinct c.table_name as name from information_schema.columns c
		 join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
		 where c.table_schema = current_schema() and c.column_name = 'household_id' order by 1`
	);
	const digests: Record<string, string> = {};
	for (const { name } of [...tables, { name: 'households' }]) {
		const key = name === 'households' ? 'id' : 'household_id';
		const { rows } = await db.query<{ digest: string }>(
			`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from "${name}" t where ${key} = $1`,
			[householdId]
		);
		digests[name] = rows[0]!.digest;
	}
	return digests;
}
