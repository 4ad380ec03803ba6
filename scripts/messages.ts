// `npm run messages`: compiles messages/*.json into src/lib/paraglide, the typed message
// functions pages and the server import; run before type checks and under `prepare`.
import { compile } from '@inlang/paraglide-js';
import { PARAGLIDE_OPTIONS } from '../paraglide.config.js';

await compile(PARAGLIDE_OPTIONS);
