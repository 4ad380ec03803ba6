import { apiReference } from '$lib/server/api/reference';
import firstScript from '../../../docs/first-script.sh?raw';
import type { PageServerLoad } from './$types';

// The example script ships in the repository and a test runs it, so it works as written.
export const load: PageServerLoad = async () => ({ sections: apiReference(), firstScript });
