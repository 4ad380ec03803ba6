import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { openApiDocument } from '$lib/server/api/openapi';
import { openapiDocument } from '$lib/server/api/spec/accounts';

export const GET = endpoint(openapiDocument, async () => json(openApiDocument()));
