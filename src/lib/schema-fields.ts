import { z } from 'zod';

// Every schema a model module builds is marked /* @__PURE__ */ (making one does nothing but
// make it): a page that reads only a model's values or labels leaves its schemas, and zod
// with them, out of the browser's scripts.

/** An id as the API and the domain models describe it (the database makes them; clients treat them as opaque). */
export const idField = /* @__PURE__ */ z.string().meta({ description: 'Opaque id', example: '0b5f3c7e-8a61-4a8e-9a55-1d2f0e6b7c11' });

/** A calendar day in the household's zone, as `$lib/dates` reads and writes it. */
export const dayField = /* @__PURE__ */ z.string().meta({ description: 'A day, YYYY-MM-DD', example: '2026-12-01' });
