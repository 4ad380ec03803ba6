import type { Household, MemberRow } from '$lib/server/db/schema';
import type { SessionUser } from '$lib/server/auth/sessions';

/** Who is acting, in which household: what the guard (guard.ts) hands every domain call. */
export interface MemberContext {
	user: SessionUser;
	/** With its data version when the guard read it (household-cache.ts); absent in jobs and scripts. */
	household: Household & { dataVersion?: number };
	member: MemberRow;
}
