import { describe, expect, it } from 'vitest';
import { devServer } from './dev-server';

describe('npm run dev', () => {
	it('listens on PORT and HOST, and points links in mail at itself', () => {
		expect(devServer({ PORT: '5301', HOST: '127.0.0.1' })).toEqual({
			args: ['--port', '5301', '--strictPort', '--host', '127.0.0.1'],
			origin: 'http://127.0.0.1:5301'
		});
		expect(devServer({})).toEqual({ args: ['--port', '5173', '--strictPort', '--host', 'localhost'], origin: 'http://localhost:5173' });
		expect(devServer({ HOST: '::1' }).origin).toBe('http://[::1]:5173');
	});
});
