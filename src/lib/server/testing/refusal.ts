import { DomainError } from '$lib/server/errors';

/** The domain's refusal of `work` (a test fails if it went through, or failed some other way). */
export async function refusal(work: Promise<unknown>): Promise<DomainError> {
	try {
		await work;
	} catch (error) {
		if (error instanceof DomainError) return error;
		throw error;
	}
	throw new Error('expected a refusal');
}
