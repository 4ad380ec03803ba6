/**
 * What a new member of each role starts with: their part of shared costs (share weight)
 * and of the chores (chore capacity). Editable per member; a child pays nothing by default.
 */
export type Role = 'adult' | 'youth' | 'child' | 'guest';

export const ROLE_PRESETS: Record<Role, { shareWeight: number; choreCapacity: number }> = {
	adult: { shareWeight: 1, choreCapacity: 1 },
	youth: { shareWeight: 0.5, choreCapacity: 0.75 },
	child: { shareWeight: 0, choreCapacity: 0.5 },
	guest: { shareWeight: 1, choreCapacity: 0 }
};
