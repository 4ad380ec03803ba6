import { z } from 'zod';
import { contributionSchema, fundSchema } from '$lib/funds/model';
import { expenseSchema } from '$lib/money/model';
import { contributionInput, fundInput, fundPatch, fundSpendingInput } from '$lib/server/funds/schemas';
import { defineOperation } from '../operation';
import { pick } from './common';

const tag = 'Funds';
const fundAnswer = { 200: { description: 'The fund, with its balance and who is behind', schema: fundSchema } };

export const listFunds = defineOperation({
	method: 'GET',
	path: '/households/{hid}/funds',
	summary: 'The house funds (archived ones too), each with its balance and every member’s dues',
	tag,
	auth: true,
	responses: { 200: { description: 'Funds by name', schema: z.object({ items: z.array(fundSchema) }) }, ...pick(401, 404) }
});

export const createFund = defineOperation({
	method: 'POST',
	path: '/households/{hid}/funds',
	summary: 'Start a fund (admins): its purpose, how members pay in, and the limit above which spending needs the house’s consent',
	tag,
	auth: true,
	body: fundInput,
	responses: { 201: { description: 'The fund', schema: fundSchema }, ...pick(400, 401, 403, 404, 422) }
});

export const getFund = defineOperation({
	method: 'GET',
	path: '/households/{hid}/funds/{fund}',
	summary: 'One fund with its balance and dues',
	tag,
	auth: true,
	responses: { ...fundAnswer, ...pick(401, 404) }
});

export const updateFund = defineOperation({
	method: 'PATCH',
	path: '/households/{hid}/funds/{fund}',
	summary: 'Change or archive a fund (admins); 409 when someone changed it since `version`',
	tag,
	auth: true,
	body: fundPatch,
	responses: { ...fundAnswer, ...pick(400, 401, 403, 404, 409, 422) }
});

export const listContributions = defineOperation({
	method: 'GET',
	path: '/households/{hid}/funds/{fund}/contributions',
	summary: 'The latest 50 payments into the fund, newest first (undone ones marked)',
	tag,
	auth: true,
	responses: { 200: { description: 'Contributions', schema: z.object({ items: z.array(contributionSchema) }) }, ...pick(401, 404) }
});

export const addContribution = defineOperation({
	method: 'POST',
	path: '/households/{hid}/funds/{fund}/contributions',
	summary: 'Record a payment into the fund (any member, for themself or someone else)',
	tag,
	auth: true,
	body: contributionInput,
	responses: { 201: { description: 'The contribution', schema: contributionSchema }, ...pick(400, 401, 404, 409, 422) }
});

export const undoContribution = defineOperation({
	method: 'DELETE',
	path: '/households/{hid}/funds/{fund}/contributions/{contribution}',
	summary: 'Undo a payment into the fund; 409 when the fund has already spent it',
	tag,
	auth: true,
	responses: { 204: { description: 'Undone' }, ...pick(401, 404, 409) }
});

export const spendFromFund = defineOperation({
	method: 'POST',
	path: '/households/{hid}/funds/{fund}/spending',
	summary:
		'Spend from the fund: an expense the fund pays, no member’s balance moves. Above the fund’s approval limit this is 422 `needs_proposal`: propose it with `fundSpending` on POST /proposals; 422 `fund_short` when the balance is too low',
	tag,
	auth: true,
	body: fundSpendingInput,
	responses: { 201: { description: 'The expense', schema: expenseSchema }, ...pick(400, 401, 404, 409, 422) }
});
