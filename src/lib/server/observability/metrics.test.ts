import { describe, expect, it } from 'vitest';
import { countedJob, metricsAccess, registry } from './metrics';
import { captureLog } from '../testing/log-capture';

async function jobRuns(queue: string, outcome: string): Promise<number> {
	const metric = await registry.getSingleMetric('hearth_job_runs_total')!.get();
	return metric.values.find((v) => v.labels.queue === queue && v.labels.outcome === outcome)?.value ?? 0;
}

describe('metricsAccess', () => {
	it('is off without a configured token', () => {
		expect(metricsAccess('Bearer anything', '')).toBe('off');
		expect(metricsAccess(null, undefined)).toBe('off');
	});

	it('allows only the exact token as a bearer token', () => {
		expect(metricsAccess('Bearer s3cret-token', 's3cret-token')).toBe('allowed');
		expect(metricsAccess('bearer   s3cret-token', 's3cret-token')).toBe('allowed');
		for (const header of [null, '', 'Bearer', 'Bearer s3cret', 'Bearer s3cret-token2', 'Basic s3cret-token', 's3cret-token']) {
			expect(metricsAccess(header, 's3cret-token')).toBe('denied');
		}
	});
});

describe('countedJob', () => {
	it('counts a run that succeeded and one that failed, which it throws on', async () => {
		const logged = captureLog();
		try {
			await countedJob('test-queue', async () => 'done');
			await expect(countedJob('test-queue', async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
			await expect(countedJob('test-queue', async () => Promise.reject(new Error('again')))).rejects.toThrow('again');
		} finally {
			logged.restore();
		}
		// Each failure is logged with its queue and reason.
		expect(logged.text()).toContain('Job test-queue failed');
		expect(logged.text()).toContain('again');
		expect(await jobRuns('test-queue', 'succeeded')).toBe(1);
		expect(await jobRuns('test-queue', 'failed')).toBe(2);
	});
});
