/**
 * INSTANCE_ADMINS: the emails (comma-separated) of whoever looks after this Hearth's server.
 * They see how its backups are going (server/backup/schedule.ts). Set by whoever has the
 * server's shell, like every other setting, so no page can make someone an instance admin.
 */
export function isInstanceAdmin(email: string, setting = process.env.INSTANCE_ADMINS ?? ''): boolean {
	const admins = setting
		.split(',')
		.map((e) => e.trim().toLowerCase())
		.filter(Boolean);
	return admins.includes(email.trim().toLowerCase());
}
