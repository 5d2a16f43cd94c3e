import { createClient } from '@vigie/client';

/** The one API client of the page: same origin as the server that served it (or Vite's proxy). */
export const api = createClient({ baseUrl: '' });
