import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
	it('renders the everyday Markdown people write', () => {
		const html = renderMarkdown('**New** washer\n\n- quiet\n- [shop](https://example.com)');
		expect(html).toContain('<strong>New</strong>');
		expect(html).toContain('<li>quiet</li>');
		expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer nofollow" target="_blank">shop</a>');
	});

	// What must never appear inside a tag: a script element, an event handler, a script URL.
	const dangerousTag = /<(script|img|iframe|object|embed|svg|style)\b|<[^>]*\son\w+\s*=|<[^>]*(javascript|vbscript|data):/i;

	it.each([
		'<script>alert(1)</script>',
		'[click](javascript:alert(1))',
		'[click](JaVaScRiPt:alert(1))',
		'[click](java\tscript:alert(1))',
		'[click](&#106;avascript:alert(1))',
		'<img src=x onerror=alert(1)>',
		'<a href="javascript:alert(1)">x</a>',
		'[x](data:text/html;base64,PHNjcmlwdD4=)',
		'<iframe src="https://evil.example"></iframe>',
		'<svg onload=alert(1)>',
		'![x](javascript:alert(1))'
	])('never lets %s through as markup', (source) => {
		expect(renderMarkdown(source)).not.toMatch(dangerousTag);
	});

	it('keeps what was typed readable, as text', () => {
		expect(renderMarkdown('<script>alert(1)</script>')).toContain('&lt;script&gt;');
	});
});
