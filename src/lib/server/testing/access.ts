/**
 * Who may use every route in src/routes. The access suites call each entry as a
 * logged-out visitor, a stranger and a member without the needed role; the completeness
 * test fails when a discovered route is missing here, so a new route cannot be forgotten.
 */

/** `author`: only the member who made it (a proposal); anyone else in the house gets 403. */
export type HouseholdAccess = 'member' | 'admin' | 'author';
/** Who may use each page (`load`) and action, by route and name. */
export const HOUSEHOLD_PAGES: Record<string, Record<string, HouseholdAccess>> = {
	'/h/[hid]': { load: 'member', complete: 'member', seen: 'member' },
	'/h/[hid]/chores': { load: 'member', complete: 'member', undo: 'member', skip: 'member', swap: 'member', reassign: 'member' },
	'/h/[hid]/chores/fairness': { load: 'member' },
	'/h/[hid]/chores/feeds': { load: 'member', regenerate: 'member', revoke: 'member' },
	'/h/[hid]/chores/new': { load: 'member', save: 'member', preview: 'member' },
	'/h/[hid]/chores/[cid]': { load: 'member', save: 'member', preview: 'member' },
	'/h/[hid]/members': { load: 'member', add: 'admin' },
	'/h/[hid]/members/[mid]': { load: 'member', update: 'admin', leave: 'admin', rejoin: 'admin', absence: 'member', removeAbsence: 'member', invite: 'admin' },
	'/h/[hid]/invites': { load: 'admin', create: 'admin', revoke: 'admin' },
	'/h/[hid]/settings': { load: 'admin', household: 'admin', rules: 'admin', defaults: 'admin' },
	'/h/[hid]/proposals': { load: 'member' },
	'/h/[hid]/proposals/new': { load: 'member', save: 'member' },
	'/h/[hid]/proposals/[pid]': { load: 'member', vote: 'member', comment: 'member', close: 'admin', withdraw: 'author' },
	'/h/[hid]/proposals/[pid]/edit': { load: 'author', save: 'author' },
	'/h/[hid]/activity': { load: 'member' },
	'/h/[hid]/things': { load: 'member', add: 'admin' },
	'/h/[hid]/things/[sid]': {
		load: 'member',
		book: 'member',
		cancel: 'member',
		approve: 'admin',
		decline: 'admin',
		handOver: 'member',
		checkOut: 'member',
		return: 'member'
	},
	'/h/[hid]/things/[sid]/edit': { load: 'admin', save: 'admin', retire: 'admin' },
	// The meal's own cooks and cleaners (or an admin) change it and enter its cost: the domain says 403 to other members.
	'/h/[hid]/meals': { load: 'member', plan: 'member', answer: 'member' },
	'/h/[hid]/meals/[meal]': { load: 'member', answer: 'member', crew: 'member', cost: 'member', change: 'member', cancel: 'member' },
	'/h/[hid]/funds': { load: 'member', create: 'admin' },
	'/h/[hid]/funds/[fund]': { load: 'member', contribute: 'member', spend: 'member', propose: 'member', undo: 'member', change: 'admin' },
	'/h/[hid]/notifications': { load: 'member', open: 'member', read: 'member', allRead: 'member' },
	'/h/[hid]/notifications/settings': { load: 'member', save: 'member' },
	'/h/[hid]/expenses': { load: 'member' },
	'/h/[hid]/expenses/new': { load: 'member', save: 'member', preview: 'member' },
	'/h/[hid]/expenses/import': { load: 'admin', preview: 'admin', import: 'admin' },
	'/h/[hid]/expenses/[eid]': { load: 'member', save: 'member', preview: 'member', delete: 'member', restore: 'member' },
	'/h/[hid]/expenses/recurring/[rid]': { load: 'member', save: 'member', preview: 'member' },
	'/h/[hid]/expenses/recurring': { load: 'member', save: 'member', preview: 'member', pause: 'member', resume: 'member', end: 'member' },
	'/h/[hid]/balances': { load: 'member', undo: 'member', record: 'member' },
	'/h/[hid]/expenses.csv': { GET: 'member' },
	'/h/[hid]/expenses/overview': { load: 'member' },
	'/h/[hid]/expenses/categories': { load: 'member', add: 'admin', remove: 'admin' },
	'/h/[hid]/balances.csv': { GET: 'member' },
	'/h/[hid]/chores.csv': { GET: 'member' },
	'/h/[hid]/proposals.csv': { GET: 'member' },
	'/h/[hid]/export.json': { GET: 'admin' }
};

/** The household's JSON API: logged out 401, a stranger 404, a member without the role 403. */
export const HOUSEHOLD_API: Record<string, Record<string, HouseholdAccess>> = {
	'/api/v1/households/[hid]': { GET: 'member' },
	'/api/v1/households/[hid]/activity': { GET: 'member' },
	'/api/v1/households/[hid]/balances': { GET: 'member' },
	'/api/v1/households/[hid]/chore-calendar': { GET: 'member' },
	'/api/v1/households/[hid]/chore-fairness': { GET: 'member' },
	'/api/v1/households/[hid]/chores': { GET: 'member', POST: 'member' },
	'/api/v1/households/[hid]/chores/[cid]': { PATCH: 'member' },
	'/api/v1/households/[hid]/chores/[cid]/occurrences/[dueOn]/complete': { POST: 'member' },
	'/api/v1/households/[hid]/chores/[cid]/occurrences/[dueOn]/reassign': { POST: 'member' },
	'/api/v1/households/[hid]/chores/[cid]/occurrences/[dueOn]/skip': { POST: 'member' },
	'/api/v1/households/[hid]/chores/[cid]/occurrences/[dueOn]/undo': { POST: 'member' },
	'/api/v1/households/[hid]/decision-rules': { GET: 'member', PUT: 'admin' },
	'/api/v1/households/[hid]/expenses': { GET: 'member', POST: 'member' },
	'/api/v1/households/[hid]/expenses/[eid]': { GET: 'member', PATCH: 'member', DELETE: 'member' },
	'/api/v1/households/[hid]/expenses/[eid]/restore': { POST: 'member' },
	'/api/v1/households/[hid]/export': { GET: 'admin' },
	'/api/v1/households/[hid]/imports/splitwise': { POST: 'admin' },
	'/api/v1/households/[hid]/invites': { POST: 'admin' },
	'/api/v1/households/[hid]/members': { GET: 'member', POST: 'admin' },
	'/api/v1/households/[hid]/members/[mid]': { PATCH: 'admin' },
	'/api/v1/households/[hid]/members/[mid]/absences': { POST: 'member' },
	'/api/v1/households/[hid]/proposals': { GET: 'member', POST: 'member' },
	'/api/v1/households/[hid]/proposals/[pid]': { GET: 'member', PATCH: 'author' },
	'/api/v1/households/[hid]/proposals/[pid]/close': { POST: 'admin' },
	'/api/v1/households/[hid]/proposals/[pid]/comments': { GET: 'member', POST: 'member' },
	'/api/v1/households/[hid]/proposals/[pid]/votes': { POST: 'member' },
	'/api/v1/households/[hid]/proposals/[pid]/withdraw': { POST: 'author' },
	'/api/v1/households/[hid]/recurring-expenses': { GET: 'member', POST: 'member' },
	'/api/v1/households/[hid]/settlements': { POST: 'member' },
	'/api/v1/households/[hid]/things': { GET: 'member', POST: 'admin' },
	'/api/v1/households/[hid]/things/[sid]': { GET: 'member', PATCH: 'admin' },
	'/api/v1/households/[hid]/things/[sid]/bookings': { GET: 'member', POST: 'member' },
	'/api/v1/households/[hid]/bookings/[bid]/cancel': { POST: 'member' },
	'/api/v1/households/[hid]/bookings/[bid]/decision': { POST: 'admin' },
	'/api/v1/households/[hid]/bookings/[bid]/hand-over': { POST: 'member' },
	'/api/v1/households/[hid]/bookings/[bid]/check-out': { POST: 'member' },
	'/api/v1/households/[hid]/bookings/[bid]/return': { POST: 'member' },
	'/api/v1/households/[hid]/meals': { GET: 'member', POST: 'member' },
	'/api/v1/households/[hid]/meals/[meal]': { GET: 'member', PATCH: 'member' },
	'/api/v1/households/[hid]/meals/[meal]/sign-up': { POST: 'member' },
	'/api/v1/households/[hid]/meals/[meal]/crew': { POST: 'member' },
	'/api/v1/households/[hid]/meals/[meal]/cost': { POST: 'member' },
	'/api/v1/households/[hid]/funds': { GET: 'member', POST: 'admin' },
	'/api/v1/households/[hid]/funds/[fund]': { GET: 'member', PATCH: 'admin' },
	'/api/v1/households/[hid]/funds/[fund]/contributions': { GET: 'member', POST: 'member' },
	'/api/v1/households/[hid]/funds/[fund]/contributions/[contribution]': { DELETE: 'member' },
	'/api/v1/households/[hid]/funds/[fund]/spending': { POST: 'member' }
};

/**
 * Everything else. `public`: anyone, logged in or not. `user`: a logged-in person (a page
 * sends a visitor to log in, the API answers 401); what it touches is their own. `feed`:
 * no login, the secret token in the address is the key (a wrong one answers 404).
 * `operator`: the instance's METRICS_TOKEN as a bearer token; anyone else, logged in or not, gets 401.
 */
export type AccountAccess = 'public' | 'user' | 'feed' | 'operator';
export const ACCOUNT_ROUTES: Record<string, Record<string, AccountAccess>> = {
	'/': { load: 'public' },
	'/demo': { load: 'public', default: 'public' },
	'/login': { load: 'public', default: 'public' },
	'/signup': { load: 'public', default: 'public' },
	'/logout': { load: 'public', default: 'public' },
	// The language switcher: a device's cookie for anyone, and the account's choice when logged in.
	'/language': { POST: 'public' },
	'/healthz': { GET: 'public' },
	'/metrics': { GET: 'operator' },
	'/reset-password': { default: 'public' },
	'/reset-password/[token]': { load: 'public', default: 'public' },
	'/invite/[token]': { load: 'public', default: 'user' },
	'/account': { load: 'user', password: 'user', createToken: 'user', revokeToken: 'user' },
	// One-click unsubscribe: no login, the signed token in the address is the key (a wrong one: 400 on the POST).
	'/unsubscribe/[token]': { load: 'public', default: 'public' },
	'/households': { load: 'user' },
	'/households/new': { load: 'user', default: 'user' },
	'/households/import': { load: 'user', default: 'user' },
	'/households/[hid]/chores.ics': { GET: 'feed' },
	'/households/[hid]/members/[mid]/chores.ics': { GET: 'feed' },
	'/api': { load: 'public' },
	'/api/v1/openapi.json': { GET: 'public' },
	'/api/v1/users': { POST: 'public' },
	'/api/v1/sessions': { POST: 'public' },
	'/api/v1/sessions/current': { DELETE: 'user' },
	'/api/v1/me': { GET: 'user' },
	'/api/v1/me/tokens': { GET: 'user', POST: 'user' },
	'/api/v1/me/push-subscriptions': { POST: 'user', DELETE: 'user' },
	'/api/v1/me/tokens/[tid]': { DELETE: 'user' },
	'/api/v1/households': { POST: 'user' },
	'/api/v1/households/import': { POST: 'user' },
	'/api/v1/invites/[token]/accept': { POST: 'user' }
};
