/**
 * Every household page and form action, discovered from src/routes/h, called over HTTP
 * as a logged-out visitor, a stranger from another household and a non-admin member.
 * A route missing from ACCESS fails the suite, so a new one cannot be forgotten.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { baseUrl, call, newAccount, newHousehold } from '$lib/server/testing/http';

/** `author`: only the member who made it (a proposal); anyone else in the house gets 403. */
type Access = 'member' | 'admin' | 'author';
/** Who may use each page (`load`) and action, by route and name. */
const ACCESS: Record<string, Record<string, Access>> = {
	'/h/[hid]': { load: 'member', complete: 'member' },
	'/h/[hid]/chores': { load: 'member', complete: 'member', undo: 'member', skip: 'member', swap: 'member', reassign: 'member' },
	'/h/[hid]/chores/fairness': { load: 'member' },
	'/h/[hid]/chores/feeds': { load: 'member', regenerate: 'member', revoke: 'member' },
	'/h/[hid]/chores/new': { load: 'member', save: 'member', preview: 'member' },
	'/h/[hid]/chores/[cid]': { load: 'member', save: 'member', preview: 'member' },
	'/h/[hid]/members': { load: 'member', add: 'admin' },
	'/h/[hid]/members/[mid]': { load: 'member', update: 'admin', leave: 'admin', rejoin: 'admin', absence: 'member', removeAbsence: 'member', invite: 'admin' },
	'/h/[hid]/invites': { load: 'admin', create: 'admin', revoke: 'admin' },
	'/h/[hid]/settings': { load: 'admin', household: 'admin', rules: 'admin' },
	'/h/[hid]/proposals': { load: 'member' },
	'/h/[hid]/proposals/new': { load: 'member', save: 'member' },
	'/h/[hid]/proposals/[pid]': { load: 'member', vote: 'member', comment: 'member', close: 'admin', withdraw: 'author' },
	'/h/[hid]/proposals/[pid]/edit': { load: 'author', save: 'author' },
	'/h/[hid]/activity': { load: 'member' },
	'/h/[hid]/expenses': { load: 'member' },
	'/h/[hid]/expenses/new': { load: 'member', save: 'member', preview: 'member' },
	'/h/[hid]/expenses/import': { load: 'admin', preview: 'admin', import: 'admin' },
	'/h/[hid]/expenses/[eid]': { load: 'member', save: 'member', preview: 'member', delete: 'member', restore: 'member' },
	'/h/[hid]/expenses/recurring/[rid]': { load: 'member', save: 'member', preview: 'member' },
	'/h/[hid]/expenses/recurring': { load: 'member', save: 'member', preview: 'member', pause: 'member', resume: 'member', end: 'member' },
	'/h/[hid]/balances': { load: 'member', settle: 'member', undo: 'member', record: 'member' },
	'/h/[hid]/expenses.csv': { GET: 'member' },
	'/h/[hid]/expenses/overview': { load: 'member' },
	'/h/[hid]/expenses/categories': { load: 'member', add: 'admin', remove: 'admin' },
	'/h/[hid]/balances.csv': { GET: 'member' },
	'/h/[hid]/chores.csv': { GET: 'member' },
	'/h/[hid]/proposals.csv': { GET: 'member' },
	'/h/[hid]/export.json': { GET: 'admin' }
};

function discover(dir = 'src/routes/h'): Record<string, string[]> {
	const found: Record<string, string[]> = {};
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) Object.assign(found, discover(path));
		else if (name === '+server.ts') {
			const methods = [...readFileSync(path, 'utf8').matchAll(/export const (GET|POST|PATCH|PUT|DELETE)\b/g)].map((m) => m[1]!);
			found['/' + relative('src/routes', dir)] = methods;
		} else if (name === '+page.server.ts') {
			const source = readFileSync(path, 'utf8');
			const route = '/' + relative('src/routes', dir);
			const actionsBlock = source.split('export const actions')[1] ?? '';
			const actions = [...actionsBlock.matchAll(/^\t(\w+): /gm)].map((m) => m[1]!);
			found[route] = [...(source.includes('export const load') ? ['load'] : []), ...actions];
		}
	}
	return found;
}

let owner: Awaited<ReturnType<typeof newAccount>>;
let member: Awaited<ReturnType<typeof newAccount>>;
let stranger: Awaited<ReturnType<typeof newAccount>>;
let household: { id: string; me: { memberId: string } };
let expenseId: string;
let recurringId: string;
let choreId: string;
let proposalId: string;
let db: pg.Client;

async function snapshot() {
	const { rows } = await db.query(
		`select (select count(*) from activity where household_id = $1) as activity,
		        (select count(*) from members where household_id = $1) as members,
		        (select count(*) from invites where household_id = $1) as invites,
		        (select count(*) from absences where household_id = $1) as absences,
		        (select count(*) from expenses where household_id = $1) as expenses,
		        (select string_agg(id::text || ':' || version::text || ':' || coalesce(deleted_at::text, ''), ',') from expenses where household_id = $1) as expense_state,
		        (select string_agg(id::text || coalesce(deleted_at::text, ''), ',') from settlements where household_id = $1) as settlements,
		        (select string_agg(id::text || description || amount_minor::text || paused::text || coalesce(ends_on::text, ''), ',') from recurring_expenses where household_id = $1) as recurring,
		        (select string_agg(id::text || name || version::text, ',') from chores where household_id = $1) as chores,
		        (select string_agg(id::text || coalesce(revoked_at::text, ''), ',') from calendar_feeds where household_id = $1) as feeds,
		        (select string_agg(chore_id::text || due_on::text || status || coalesce(assignee_member_id::text, ''), ',') from chore_occurrences where household_id = $1 and not frozen) as occurrences,
		        (select count(*) from expense_categories where household_id = $1) as categories,
		        (select string_agg(id::text || title || body || status, ',') from proposals where household_id = $1) as proposals,
		        (select string_agg(label, ',') from proposal_options where household_id = $1) as proposal_options,
		        (select count(*) from vote_history where household_id = $1) as votes,
		        (select count(*) from proposal_comments where household_id = $1) as comments,
		        (select string_agg(purpose || threshold || quorum_pct::text || voter_class, ',') from decision_rules where household_id = $1) as rules,
		        (select string_agg(display_name || role || is_admin || active, ',' order by id) from members where household_id = $1) as member_state,
		        (select name || currency || timezone from households where id = $1) as settings`,
		[household.id]
	);
	return rows[0];
}

function urlOf(route: string): string {
	return route.replace('[hid]', household.id).replace('[mid]', household.me.memberId).replace('[eid]', expenseId).replace('[rid]', recurringId).replace('[cid]', choreId).replace('[pid]', proposalId);
}

async function request(route: string, action: string, cookie?: string) {
	// As a browser posts a form without JavaScript: it asks for HTML.
	const headers: Record<string, string> = { 'x-test-client-address': 'guard-suite', origin: baseUrl(), accept: 'text/html' };
	if (cookie) headers.cookie = `hearth_session=${cookie}`;
	if (action === 'load' || action === 'GET') return fetch(`${baseUrl()}${urlOf(route)}`, { headers, redirect: 'manual' });
	headers['content-type'] = 'application/x-www-form-urlencoded';
	const body = new URLSearchParams({ displayName: 'Changed', role: 'adult', name: 'Hijacked', currency: 'USD', timezone: 'UTC', from: '2026-12-01', to: '2026-12-02', absenceId: '00000000-0000-4000-8000-000000000000', inviteId: '00000000-0000-4000-8000-000000000000', maxUses: '5', expiresInDays: '5', description: 'Sneaky', amount: '12.50', spentOn: '2026-12-01', category: 'other', payerMode: 'single', paidBy: household.me.memberId, splitMode: 'equal', [`in_${household.me.memberId}`]: household.me.memberId, fromMemberId: household.me.memberId, toMemberId: household.me.memberId, amountMinor: '100', paidOn: '2026-12-01', version: '1', id: '00000000-0000-4000-8000-000000000001', recurringId: '00000000-0000-4000-8000-000000000002', kind: 'monthly', dayOfMonth: '1', key: 'rent', choreId, dueOn: '2030-01-02', reason: 'sneaky', startOn: '2030-01-01', strategy: 'rotate', scope: 'household', title: 'Sneaky', body: 'sneaky', position: 'yes', closesAt: '2030-01-01T12:00', threshold: 'majority', quorumPct: '50', voterClass: 'all', ordinary_threshold: 'unanimous', ordinary_quorumPct: '90', ordinary_voterClass: 'adults', money_threshold: 'unanimous', money_quorumPct: '90', money_voterClass: 'adults' });
	const query = action === 'default' ? '' : `?/${action}`;
	return fetch(`${baseUrl()}${urlOf(route)}${query}`, { method: 'POST', headers, body, redirect: 'manual' });
}

beforeAll(async () => {
	owner = await newAccount('Owner');
	member = await newAccount('Member');
	stranger = await newAccount('Stranger');
	household = await newHousehold(owner.token, 'Guarded House');
	await newHousehold(stranger.token, 'Stranger House');
	const invite = await call(`/api/v1/households/${household.id}/invites`, { method: 'POST', token: owner.token, body: { role: 'adult' } });
	await call(`/api/v1/invites/${invite.body.token}/accept`, { method: 'POST', token: member.token });
	const memberId = household.me.memberId;
	const expense = await call(`/api/v1/households/${household.id}/expenses`, {
		method: 'POST',
		token: owner.token,
		body: { description: 'Rent', amountMinor: 5000, spentOn: '2026-11-01', category: 'rent', payers: [{ memberId, amountMinor: 5000 }], split: { mode: 'equal', parts: [{ memberId }] } }
	});
	expenseId = expense.body.id;
	const recurring = await call(`/api/v1/households/${household.id}/recurring-expenses`, {
		method: 'POST',
		token: owner.token,
		body: { description: 'Water', amountMinor: 3000, category: 'utilities', payers: [{ memberId, amountMinor: 3000 }], split: { mode: 'equal', parts: [{ memberId }] }, schedule: { kind: 'monthly', dayOfMonth: 5, startOn: '2030-01-01' } }
	});
	recurringId = recurring.body.id;
	const chore = await call(`/api/v1/households/${household.id}/chores`, {
		method: 'POST',
		token: owner.token,
		body: { name: 'Bins', schedule: { kind: 'daily', startOn: '2030-01-01' }, assignment: { strategy: 'rotate', memberIds: [memberId] } }
	});
	choreId = chore.body.id;
	const proposal = await call(`/api/v1/households/${household.id}/proposals`, {
		method: 'POST',
		token: owner.token,
		body: { title: 'Paint the hall', kind: 'consent', closesAt: new Date(Date.now() + 86_400_000).toISOString() }
	});
	proposalId = proposal.body.id;
	db = new pg.Client({ connectionString: inject('httpDatabaseUrl') });
	await db.connect();
});

afterAll(async () => {
	await db.end();
});

const discovered = discover();
const cases = Object.entries(discovered).flatMap(([route, names]) => names.map((name) => [route, name] as const));

describe('the household guard', () => {
	it('knows the access rule of every page and action under src/routes/h', () => {
		const known = Object.entries(ACCESS).flatMap(([route, names]) => Object.keys(names).map((name) => `${route} ${name}`));
		expect(cases.map(([route, name]) => `${route} ${name}`).sort()).toEqual(known.sort());
	});

	it.each(cases)('%s %s: logged out → log in, nothing stored', async (route, name) => {
		const before = await snapshot();
		const response = await request(route, name);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toMatch(/^\/login\?next=/);
		expect(await snapshot()).toEqual(before);
	});

	it.each(cases)('%s %s: a stranger gets 404, nothing stored', async (route, name) => {
		const before = await snapshot();
		const response = await request(route, name, stranger.token);
		expect(response.status).toBe(404);
		expect(await snapshot()).toEqual(before);
	});

	it.each(cases.filter(([route, name]) => ACCESS[route]?.[name] !== 'member'))('%s %s: a member who is not admin (or not its author) gets 403, nothing stored', async (route, name) => {
		const before = await snapshot();
		const response = await request(route, name, member.token);
		expect(response.status).toBe(403);
		expect(await snapshot()).toEqual(before);
	});
});
