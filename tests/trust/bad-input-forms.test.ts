/**
 * Every form on every household page, found in the page's own HTML (so a new form is
 * attacked the day it ships), posted without JavaScript with each field in turn replaced
 * by hostile text: never a 500; a refusal shows a message on the page, keeps what was
 * typed and stores nothing. Actions with no form on the page get the same values blind.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { baseUrl, call } from '$lib/server/testing/http';
import { HOUSEHOLD_PAGES } from '$lib/server/testing/access';
import { householdSnapshot } from '$lib/server/testing/snapshot';
import { routeIn, setUpGuardedHouse, type GuardedHouse } from '$lib/server/testing/guarded-house';

let house: GuardedHouse;
let grandmaId: string;
let db: pg.Client;

/** Fewer than the API's corpus: a form post re-renders a whole page. */
const FORM_HOSTILE = [
	'',
	'x'.repeat(100_000),
	'nul\u0000inside',
	'\uD800',
	'\u202Eevil',
	'-5',
	'NaN',
	'1e309',
	'12.345',
	'9999-12-31',
	'2026-02-30',
	'Mars/Olympus',
	"'; drop table expenses; --",
	'<script>alert(1)</script>'
];
/** Short, printable, and refused wherever a number, date or choice is expected: must come back in the form. */
const SHOWN_BACK = new Set(['NaN', '1e309', 'Mars/Olympus', '2026-02-30']);

interface FoundForm {
	action: string;
	fields: Array<{ name: string; value: string; kind: string }>;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const unescape = (s: string) => s.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

/** The forms posting to this page's actions, with the values the page filled in. */
function formsIn(html: string): FoundForm[] {
	const forms: FoundForm[] = [];
	for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
		const method = attr(match[1]!, 'method') ?? 'get';
		if (method.toLowerCase() !== 'post') continue;
		const action = /^\?\/(\w+)/.exec(unescape(attr(match[1]!, 'action') ?? ''))?.[1] ?? 'default';
		const fields: FoundForm['fields'] = [];
		for (const control of match[2]!.matchAll(/<input\b([^>]*)>|<(select|textarea)\b([^>]*)>([\s\S]*?)<\/\2>/g)) {
			const tag = control[1] ?? control[3]!;
			const name = attr(tag, 'name');
			if (!name) continue;
			const kind = control[2] ?? attr(tag, 'type') ?? 'text';
			if ((kind === 'checkbox' || kind === 'radio') && !/\schecked(=|\s|$)/.test(tag)) continue;
			if (kind === 'submit' || kind === 'button' || kind === 'file') continue;
			let value = attr(tag, 'value') ?? '';
			if (kind === 'select') {
				const options = [...control[4]!.matchAll(/<option\b([^>]*)>/g)].map((o) => o[1]!);
				const chosen = options.find((o) => /\sselected(=|\s|$)/.test(o)) ?? options[0] ?? '';
				value = attr(chosen, 'value') ?? '';
			}
			if (kind === 'textarea') value = control[4]!;
			fields.push({ name, value: unescape(value), kind });
		}
		forms.push({ action, fields });
	}
	return forms;
}

function urlOf(route: string): string {
	return routeIn(house, route, { mid: grandmaId });
}

function post(url: string, action: string, fields: Array<[string, string]>) {
	const body = new URLSearchParams(fields);
	return fetch(`${baseUrl()}${url}${action === 'default' ? '' : `?/${action}`}`, {
		method: 'POST',
		headers: {
			cookie: `hearth_session=${house.owner.token}`,
			origin: baseUrl(),
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			'x-test-client-address': `forms-${Math.random()}`
		},
		body,
		redirect: 'manual'
	});
}

/** Fields an action with no form on the page might read. */
const BLIND_FIELDS = [
	'id',
	'description',
	'amount',
	'spentOn',
	'name',
	'displayName',
	'reason',
	'dueOn',
	'choreId',
	'memberId',
	'from',
	'to',
	'body',
	'position',
	'version'
];

/** Field errors on the page that no control's aria-describedby names: by id, or their text when they have none. */
function errorsNotTiedToAField(html: string): string[] {
	const named = new Set([...html.matchAll(/aria-describedby="([^"]*)"/g)].flatMap((match) => match[1]!.split(/\s+/)));
	return [...html.matchAll(/<p class="error"(?: id="([^"]*)")?[^>]*>([^<]{0,60})/g)]
		.filter(([, id]) => !id || !named.has(id))
		.map(([, id, text]) => id ?? `no id: ${text}`);
}

beforeAll(async () => {
	house = await setUpGuardedHouse();
	// The member pages act on someone other than the owner, so 'leave' cannot lock the test out.
	grandmaId = (
		await call(`/api/v1/households/${house.household.id}/members`, {
			method: 'POST',
			token: house.owner.token,
			body: { displayName: 'Grandma', role: 'adult' }
		})
	).body.id;
	db = new pg.Client({ connectionString: inject('httpDatabaseUrl') });
	await db.connect();
});

afterAll(async () => {
	await db.end();
});

const routesWithActions = Object.entries(HOUSEHOLD_PAGES).filter(([, names]) => Object.keys(names).some((n) => n !== 'load' && n !== 'GET'));

describe('hostile form posts', { timeout: 180_000 }, () => {
	it.each(routesWithActions.map(([route, names]) => [route, Object.keys(names).filter((n) => n !== 'load')] as const))('%s', async (route, actions) => {
		const url = urlOf(route);
		/** The page's forms as a person sees them now (after a save, with its new version). */
		const formOf = async (action: string) => {
			const page = await fetch(`${baseUrl()}${url}`, { headers: { cookie: `hearth_session=${house.owner.token}` } });
			expect(page.status).toBe(200);
			return formsIn(await page.text()).find((f) => f.action === action);
		};
		const problems: string[] = [];
		for (const action of actions) {
			let form = await formOf(action);
			const baseOf = (found: FoundForm | undefined): Array<[string, string]> =>
				found ? found.fields.map((f) => [f.name, f.value]) : BLIND_FIELDS.map((name) => [name, '']);
			let base = baseOf(form);
			const names = [...new Set(base.map(([name]) => name))];
			for (const name of names) {
				const kind = form?.fields.find((f) => f.name === name)?.kind ?? 'text';
				for (const value of FORM_HOSTILE) {
					const fields = [...base.filter(([n]) => n !== name), [name, value] as [string, string]];
					const before = await householdSnapshot(db, house.household.id);
					const response = await post(url, action, fields);
					const html = await response.text();
					const label = `${action} ${name}=${JSON.stringify(value.slice(0, 30))}`;
					if (response.status >= 500) problems.push(`${label}: server error ${response.status}`);
					else if (response.status >= 400) {
						const after = await householdSnapshot(db, house.household.id);
						const changed = Object.keys(after).filter((key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]));
						if (changed.length) problems.push(`${label}: stored something (${response.status}: ${changed.join(', ')})`);
						// A person typed it (not a hidden field, nor a post with no form on the page): the page says what is wrong.
						if (form && kind !== 'hidden' && !/class="error"|role="alert"/.test(html))
							problems.push(`${label}: no message shown (${response.status}) ${/errors:\{[^}]{0,200}\}/.exec(html)?.[0]}`);
						// Each message is tied to its field, so a screen reader reads it there (aria-describedby).
						for (const loose of errorsNotTiedToAField(html)) problems.push(`${label}: an error no field names (${loose})`);
						const visible = ['text', 'number', 'date', 'email', 'search', 'textarea', 'datetime-local', 'time'].includes(kind);
						if (
							form &&
							visible &&
							response.status === 400 &&
							SHOWN_BACK.has(value) &&
							!html.includes(`value="${value}"`) &&
							!html.includes(`>${value}</textarea>`)
						)
							problems.push(`${label}: what was typed is lost`);
					} else if (form) {
						// Saved (valid text): go on from the page as it is now.
						form = (await formOf(action)) ?? form;
						base = baseOf(form);
					}
				}
			}
		}
		expect(problems).toEqual([]);
	});
});
