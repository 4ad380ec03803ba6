/**
 * The ballot form → a Vote. Consent is one radio; choice is checkboxes (`optionIds`);
 * ranked is a number per option (`rank_<optionId>`, 1 = most preferred, blank = not
 * ranked), which works without JavaScript and reads the same for keyboard users.
 */
import type { FormAdapter } from '$lib/server/forms';
import { fieldErrors, formValues } from '$lib/server/validation';
import type { ProposalKind } from '$lib/decisions/model';
import { voteInput, type VoteInput } from './schemas';
import { m } from '$lib/paraglide/messages';

/** The ballot form of a proposal of `kind` with these options. */
export function voteForm(kind: ProposalKind, optionIds: string[]): FormAdapter<VoteInput> {
	return { read: (formData) => readVote(formData, kind, optionIds) };
}

function readVote(formData: FormData, kind: ProposalKind, optionIds: string[]): ReturnType<FormAdapter<VoteInput>['read']> {
	const values = formValues(formData);
	const onBehalf = values.onBehalfOfMemberId?.trim();
	const candidate: Record<string, unknown> = { reason: values.reason?.trim() || undefined, onBehalfOfMemberId: onBehalf || undefined };
	if (kind === 'consent') candidate.position = values.position || undefined;
	if (kind === 'choice') candidate.optionIds = formData.getAll('optionIds').filter((v): v is string => typeof v === 'string');
	if (kind === 'ranked') {
		const ranks = optionIds.flatMap((id) => {
			const text = values[`rank_${id}`]?.trim() ?? '';
			return text ? [{ id, text, rank: /^\d{1,2}$/.test(text) ? Number(text) : Number.NaN }] : [];
		});
		const bad = ranks.find((r) => !Number.isInteger(r.rank) || r.rank < 1 || r.rank > optionIds.length);
		if (bad) return { ok: false, errors: { ranking: m.e_rank_numbers({ count: optionIds.length }) } };
		if (new Set(ranks.map((r) => r.rank)).size !== ranks.length) return { ok: false, errors: { ranking: m.e_rank_distinct() } };
		candidate.ranking = ranks.sort((a, b) => a.rank - b.rank).map((r) => r.id);
	}
	const parsed = voteInput.safeParse(candidate);
	if (!parsed.success)
		return {
			ok: false,
			errors: Object.fromEntries(
				Object.entries(fieldErrors(parsed.error))
					.reverse()
					.map(([path, message]) => [path.split('.')[0]!, message])
			)
		};
	return { ok: true, input: parsed.data };
}
