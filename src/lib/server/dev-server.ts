/**
 * How `npm run dev` starts Vite: on PORT and HOST as the README says (Vite would take 5173
 * and localhost whatever they hold), and the dev server's own address, which is where links
 * in mail point while ORIGIN is unset.
 */
export function devServer(env: Record<string, string | undefined>): { args: string[]; origin: string } {
	const port = env.PORT || '5173';
	const host = env.HOST || 'localhost';
	const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
	return { args: ['--port', port, '--strictPort', '--host', host], origin };
}
