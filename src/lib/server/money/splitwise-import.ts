/**
 * Importing a Splitwise CSV export: a preview that maps each Splitwise person to a
 * member and shows the balances the import would leave, then the import itself, all of
 * it in one transaction (a refused file writes nothing).
 */
import { parse } from 'csv-parse/sync';
import { getDb } from '$lib/server/db';
import { DomainError } from '$lib/server/errors';
import type { MemberContext } from '$lib/server/households/context';
import { listMembers } from '$lib/server/households/members';
import { planSplitwiseImport, readSplitwise, type SplitwiseFile } from '$lib/money/splitwise';
import { listCategories } from './categories';
import { getBalances, insertSettlement } from './balances';
import { insertExpense } from './expenses';
import { m } from '$lib/paraglide/messages';
import { listOf } from '$lib/i18n/labels';

const refuse = (message: string) => new DomainError(422, 'invalid_file', message, { file: message });

export function readSplitwiseCsv(text: string, currency: string): SplitwiseFile {
	let records: string[][];
	try {
		records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: false });
	} catch (error) {
		throw refuse(`The file is not valid CSV: ${(error as Error).message}`);
	}
	const read = readSplitwise(records, currency);
	if (!read.ok) throw refuse(read.message);
	return read.file;
}

/** Splitwise's own categories → this household's. */
const CATEGORY_WORDS: Array<[RegExp, string]> = [
	[/rent|mortgage/i, 'rent'],
	[/electric|heat|gas|water|trash|utilit/i, 'utilities'],
	[/internet|tv|phone/i, 'internet'],
	[/grocer|food|liquor/i, 'groceries'],
	[/supplies|cleaning|household/i, 'supplies'],
	[/maintenance|repair|furniture|services/i, 'repairs']
];

function categoryFor(splitwise: string, categories: Array<{ key: string; name: string }>): string {
	const own = categories.find((c) => c.name.toLowerCase() === splitwise.trim().toLowerCase() || c.key === splitwise.trim().toLowerCase());
	if (own) return own.key;
	const known = new Set(categories.map((c) => c.key));
	return CATEGORY_WORDS.find(([pattern, key]) => pattern.test(splitwise) && known.has(key))?.[1] ?? 'other';
}

export interface SplitwisePreview {
	people: Array<{ name: string; memberId: string; netMinor: number }>;
	expenses: number;
	payments: number;
	from: string;
	to: string;
	/** Each member's balance now, what the file adds, and the result. */
	balances: Array<{ memberId: string; nowMinor: number; importedMinor: number; afterMinor: number }>;
	unmapped: string[];
}

/** Members by name, as a first guess: "Ana" matches "Ana" and "Ana Souza" matches "Ana". */
function guessMember(name: string, members: Array<{ id: string; displayName: string }>): string {
	const lower = name.trim().toLowerCase();
	return (
		(members.find((m) => m.displayName.toLowerCase() === lower) ?? members.find((m) => lower.split(/\s+/)[0] === m.displayName.toLowerCase().split(/\s+/)[0]))
			?.id ?? ''
	);
}

async function activeMembers(householdId: string) {
	return (await listMembers(householdId)).filter((m) => m.active);
}

export async function previewSplitwise(context: MemberContext, text: string, mapping: Record<string, string> = {}): Promise<SplitwisePreview> {
	const file = readSplitwiseCsv(text, context.household.currency);
	const members = await activeMembers(context.household.id);
	const memberOf = file.people.map((name, i) => {
		const chosen = mapping[String(i)];
		return chosen !== undefined ? (members.some((m) => m.id === chosen) ? chosen : '') : guessMember(name, members);
	});
	const personNet = file.people.map((_, i) => file.rows.reduce((sum, row) => sum + row.nets[i]!, 0));
	const { balances } = await getBalances(context.household.id);
	const imported = new Map<string, number>();
	memberOf.forEach((id, i) => id && imported.set(id, (imported.get(id) ?? 0) + personNet[i]!));
	const dates = file.rows.map((r) => r.date).sort();
	return {
		people: file.people.map((name, i) => ({ name, memberId: memberOf[i]!, netMinor: personNet[i]! })),
		expenses: file.rows.filter((r) => !r.isPayment).length,
		payments: file.rows.filter((r) => r.isPayment).length,
		from: dates[0]!,
		to: dates.at(-1)!,
		balances: members.map((m) => {
			const now = balances.find((b) => b.memberId === m.id)?.netMinor ?? 0;
			const added = imported.get(m.id) ?? 0;
			return { memberId: m.id, nowMinor: now, importedMinor: added, afterMinor: now + added };
		}),
		unmapped: file.people.filter((_, i) => !memberOf[i])
	};
}

export async function importSplitwise(context: MemberContext, text: string, mapping: Record<string, string>): Promise<{ expenses: number; payments: number }> {
	const preview = await previewSplitwise(context, text, mapping);
	if (preview.unmapped.length) throw refuse(m.e_choose_member_for({ names: listOf(preview.unmapped) }));
	const file = readSplitwiseCsv(text, context.household.currency);
	const plan = planSplitwiseImport(
		file,
		preview.people.map((p) => p.memberId)
	);
	const categories = await listCategories(context.household.id);
	await getDb()
		.transaction()
		.execute(async (trx) => {
			for (const e of plan.expenses) {
				const input = {
					description: e.description.slice(0, 200),
					amountMinor: e.amountMinor,
					spentOn: e.date,
					category: categoryFor(e.category, categories),
					notes: m.sw_imported_note({ line: e.line, category: e.category }),
					payers: e.payers,
					split: { mode: 'exact' as const, parts: e.shares.map((s) => ({ memberId: s.memberId, value: s.amountMinor })) }
				};
				await insertExpense(trx, context, input, crypto.randomUUID(), { via: 'splitwise' });
			}
			for (const p of plan.payments)
				await insertSettlement(trx, context, {
					fromMemberId: p.fromMemberId,
					toMemberId: p.toMemberId,
					amountMinor: p.amountMinor,
					paidOn: p.date,
					note: m.sw_imported_payment({ note: p.note }).slice(0, 500)
				});
		});
	return { expenses: plan.expenses.length, payments: plan.payments.length };
}
