import { describe, expect, it } from 'vitest';
import { localToInstant, proposalForm } from './proposal-form';
import { voteForm } from './vote-form';
import { rulesForm } from './rules-form';

const form = (entries: Record<string, string | string[]>) => {
	const data = new FormData();
	for (const [key, value] of Object.entries(entries)) for (const v of [value].flat()) data.append(key, v);
	return data;
};
const members = [
	{ id: '11111111-1111-4111-8111-111111111111', displayName: 'Ana', shareWeight: 1 },
	{ id: '22222222-2222-4222-8222-222222222222', displayName: 'Ben', shareWeight: 2 }
];
const context = { timezone: 'Europe/Berlin', currency: 'EUR', locale: 'en', members };
const nextYear = new Date().getUTCFullYear() + 1;

describe('the proposal form', () => {
	it('reads the closing time on the household’s wall clock, across daylight saving', async () => {
		expect(localToInstant('2026-12-10T18:00', 'Europe/Berlin')).toBe('2026-12-10T17:00:00.000Z');
		expect(localToInstant('2026-07-10T18:00', 'Europe/Berlin')).toBe('2026-07-10T16:00:00.000Z');
		expect(localToInstant('10/12/2026 18:00', 'Europe/Berlin')).toBeNull();
	});

	it('turns a money proposal into a ProposalInput with its expense', async () => {
		const read = await proposalForm(context).read(
			form({
				title: 'Washer',
				body: '',
				kind: 'consent',
				threshold: 'two_thirds',
				quorumPct: '60%',
				voterClass: 'adults',
				closesAt: `${nextYear}-01-10T18:00`,
				withExpense: 'on',
				expense_amount: '480',
				expense_paidBy: members[1]!.id,
				expense_category: 'repairs',
				expense_splitMode: 'weights',
				[`expense_in_${members[0]!.id}`]: 'on',
				[`expense_in_${members[1]!.id}`]: 'on'
			})
		);
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.input.rule).toEqual({ threshold: 'two_thirds', quorumPct: 60, voterClass: 'adults' });
		expect(read.input.expense).toMatchObject({
			description: 'Washer',
			amountMinor: 48000,
			payers: [{ memberId: members[1]!.id, amountMinor: 48000 }],
			split: { mode: 'weights' }
		});
	});

	it('answers each bad field by its own name', async () => {
		const read = await proposalForm(context).read(
			form({
				title: ' ',
				kind: 'ranked',
				options: 'Only one',
				threshold: 'most',
				quorumPct: '150',
				voterClass: 'all',
				closesAt: 'soon',
				withExpense: 'on',
				expense_amount: '-5',
				expense_category: 'repairs'
			})
		);
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(Object.keys(read.errors).sort()).toEqual(
			['closesAt', 'expense_amount', 'expense_paidBy', 'expense_split', 'options', 'quorumPct', 'threshold', 'title'].sort()
		);
	});
});

describe('the ballot form', () => {
	const options = ['aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', 'cccccccc-cccc-4ccc-8ccc-cccccccccccc'];
	it('orders a ranked ballot by the numbers typed, leaving blanks out', async () => {
		const read = await voteForm('ranked', options).read(form({ [`rank_${options[0]}`]: '2', [`rank_${options[1]}`]: '', [`rank_${options[2]}`]: '1' }));
		expect(read).toMatchObject({ ok: true, input: { ranking: [options[2], options[0]] } });
	});
	it.each([
		[{ [`rank_${options[0]}`]: '1', [`rank_${options[1]}`]: '1' }, 'different'],
		[{ [`rank_${options[0]}`]: '4' }, '1 to 3'],
		[{ [`rank_${options[0]}`]: 'first' }, '1 to 3']
	])('refuses a ranked ballot like %j', async (entries, message) => {
		const read = await voteForm('ranked', options).read(form(entries));
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.errors.ranking).toContain(message);
	});
	it('needs a reason with a block and takes approvals as a list', async () => {
		expect(await voteForm('consent', []).read(form({ position: 'block' }))).toMatchObject({ ok: false, errors: { reason: 'A block needs a reason.' } });
		expect(await voteForm('choice', options).read(form({ optionIds: [options[0]!, options[2]!] }))).toMatchObject({
			ok: true,
			input: { optionIds: [options[0], options[2]] }
		});
	});
});

describe('the default-rules form', () => {
	it('reads both rules and names a bad field by purpose', async () => {
		const good = await rulesForm.read(
			form({
				ordinary_threshold: 'majority',
				ordinary_quorumPct: '50',
				ordinary_voterClass: 'all',
				money_threshold: 'unanimous',
				money_quorumPct: '100',
				money_voterClass: 'adults'
			})
		);
		expect(good).toMatchObject({ ok: true, input: { money: { threshold: 'unanimous', quorumPct: 100 } } });
		const bad = await rulesForm.read(
			form({
				ordinary_threshold: 'majority',
				ordinary_quorumPct: 'x',
				ordinary_voterClass: 'all',
				money_threshold: 'unanimous',
				money_quorumPct: '100',
				money_voterClass: 'pets'
			})
		);
		expect(bad).toMatchObject({ ok: false, errors: { ordinary_quorumPct: expect.any(String), money_voterClass: 'Choose who votes.' } });
	});
});
