import { getDb } from '$lib/server/db';
import type { MemberContext } from '$lib/server/households/context';

/** Another demo member acting, as the guard would hand them (the founder's login stands in for theirs). */
export async function actingAs(admin: MemberContext, memberId: string): Promise<MemberContext> {
	const member = await getDb()
		.selectFrom('members')
		.selectAll()
		.where('householdId', '=', admin.household.id)
		.where('id', '=', memberId)
		.executeTakeFirstOrThrow();
	return { ...admin, member };
}
