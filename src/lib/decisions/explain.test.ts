import { describe, expect, it } from 'vitest';
import { countProposal } from './tally';
import { explain, readerReason, type ClosedProposalFacts } from './explain';
import { inLocale } from '$lib/server/i18n';

const rule = { threshold: 'majority' as const, quorumPct: 50 };

/** A proposal as stored after its close, from ballots counted the way closing counts them. */
function closed(
	kind: 'consent' | 'choice' | 'ranked',
	ballots: Parameters<typeof countProposal>[3],
	eligible: number,
	optionIds = ['a', 'b', 'c']
): ClosedProposalFacts {
	const count = countProposal(kind, rule, optionIds, ballots, eligible);
	const status = count.verdict;
	return {
		kind,
		status,
		rule,
		votedCount: ballots.length,
		eligibleCount: eligible,
		tally: count.tally,
		outcome: count.winnerOptionId ? { winnerOptionId: count.winnerOptionId } : null,
		reason: count.reason
	};
}
const yes = { position: 'yes' as const, optionIds: null, ranking: null };
const no = { position: 'no' as const, optionIds: null, ranking: null };
const ranking = (...ids: string[]) => ({ position: null, optionIds: null, ranking: ids });
const approving = (...ids: string[]) => ({ position: null, optionIds: ids, ranking: null });

describe('the outcome sentence, told to each reader in their language', () => {
	it('is what the count said, in English, from the stored facts', () => {
		for (const proposal of [
			closed('consent', [yes, yes, no], 4),
			closed('consent', [yes], 4),
			closed('choice', [approving('a', 'b'), approving('a')], 3),
			closed('choice', [approving('a'), approving('b')], 2),
			closed('ranked', [ranking('a', 'b'), ranking('b'), ranking('c', 'b')], 3)
		]) {
			expect(readerReason(proposal, 'en')).toBe(proposal.reason);
		}
	});

	it('is told again in German and Arabic, with their plurals', () => {
		const consent = closed('consent', [yes, yes, no], 4);
		expect(readerReason(consent, 'de')).toBe(
			'Angenommen: 3 von 4 Stimmberechtigten haben abgestimmt (Quorum 50 % erreicht), 2 Ja bei 3 abgegebenen Stimmen (mehr als die Hälfte der abgegebenen Stimmen nötig), kein Veto.'
		);
		const ranked = closed('ranked', [ranking('a', 'b'), ranking('b'), ranking('c', 'b')], 3);
		expect(readerReason(ranked, 'ar')).toBe('حُسم في الجولة 2: 2 من أصل 3 أوراق متبقية، أكثر من النصف.');
		// The request's own language when none is named.
		expect(inLocale('es', () => readerReason(closed('consent', [yes], 4)))).toBe('Sin quórum: votaron 1 de 4 personas con derecho a voto (quórum del 50 %).');
	});

	it('keeps what the close added, and sentences it did not write', () => {
		const consent = closed('consent', [yes, yes], 2);
		const added = { ...consent, reason: `${consent.reason} The linked expense could not be added: no. An admin can add it by hand.` };
		expect(readerReason(added, 'pl')).toMatch(/^Przyjęta: .* An admin can add it by hand\.$/);
		expect(readerReason({ ...consent, reason: 'An older wording.' }, 'de')).toBe('An older wording.');
		expect(readerReason({ ...consent, status: 'withdrawn', tally: null, reason: 'Withdrawn by Mia before the close.' }, 'de')).toBe(
			'Vor dem Ende von Mia zurückgezogen.'
		);
	});

	it('makes every kind of sentence in every language', () => {
		for (const locale of ['en', 'de', 'es', 'pl', 'ar'] as const) {
			expect(explain({ kind: 'no_options' }, locale)).not.toBe('');
			expect(explain({ kind: 'choice_tied', options: 2, approvals: 1 }, locale)).toMatch(/2/);
		}
	});
});
