import { requireMember } from '$lib/server/households/guard';
import { proposalPosition, type ProposalPosition } from '$lib/server/decisions/proposal-list';
import { proposalsPage } from '$lib/server/decisions/proposals-page';
import { decodeCursor } from '$lib/server/api/pagination';
import { DomainError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const context = await requireMember(params.hid);
	const wanted = url.searchParams.get('status');
	const status = wanted === 'open' || wanted === 'closed' ? wanted : undefined;
	let after: ProposalPosition | undefined;
	try {
		after = decodeCursor(url.searchParams.get('after') ?? undefined, proposalPosition);
	} catch (error) {
		// A position that is not one we gave out: the first page.
		if (!(error instanceof DomainError)) throw error;
	}
	return proposalsPage(context, { status, after });
};
