import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEAP_MB, heapSizeIsSet, serverHeapFlag } from './server-heap';

describe('the server heap cap', () => {
	it('is 1 GB unless HEARTH_HEAP_MB says otherwise, and refuses nonsense', () => {
		expect(serverHeapFlag({})).toBe(`--max-old-space-size=${DEFAULT_HEAP_MB}`);
		expect(serverHeapFlag({ HEARTH_HEAP_MB: '2048' })).toBe('--max-old-space-size=2048');
		expect(() => serverHeapFlag({ HEARTH_HEAP_MB: 'lots' })).toThrow(/HEARTH_HEAP_MB/);
		expect(() => serverHeapFlag({ HEARTH_HEAP_MB: '64' })).toThrow(/at least 128/);
	});

	it("leaves an operator's own heap size alone", () => {
		expect(heapSizeIsSet([], {})).toBe(false);
		expect(heapSizeIsSet(['--max-old-space-size=512'], {})).toBe(true);
		expect(heapSizeIsSet([], { NODE_OPTIONS: '--enable-source-maps --max-old-space-size=3000' })).toBe(true);
	});

	it('is a flag node accepts and applies (V8 reports the cap plus its young generation)', () => {
		const { stdout } = spawnSync(process.execPath, [serverHeapFlag({}), '-p', 'require("v8").getHeapStatistics().heap_size_limit / 2 ** 20'], {
			encoding: 'utf8'
		});
		const limitMb = Number(stdout.trim());
		expect(limitMb).toBeGreaterThanOrEqual(DEFAULT_HEAP_MB);
		expect(limitMb).toBeLessThan(DEFAULT_HEAP_MB + 128);
	});
});
