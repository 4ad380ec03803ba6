/**
 * Markdown people write (proposal bodies, comments) as safe HTML. markdown-it leaves raw
 * HTML as text and refuses javascript: links; sanitize-html then keeps only the tags and
 * URL schemes listed here, so a slip in either one alone still cannot run a script.
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });

const allowed: sanitizeHtml.IOptions = {
	allowedTags: [
		'p',
		'br',
		'strong',
		'em',
		's',
		'code',
		'pre',
		'blockquote',
		'ul',
		'ol',
		'li',
		'a',
		'h1',
		'h2',
		'h3',
		'h4',
		'hr',
		'table',
		'thead',
		'tbody',
		'tr',
		'th',
		'td'
	],
	// rel and target are the ones transformTags adds below.
	allowedAttributes: { a: ['href', 'rel', 'target'], ol: ['start'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowProtocolRelative: false,
	// Links leave the app without telling the other site where they came from.
	transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }) }
};

export function renderMarkdown(source: string): string {
	return sanitizeHtml(markdown.render(source), allowed);
}
