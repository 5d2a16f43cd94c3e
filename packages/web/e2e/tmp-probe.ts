import { createClient } from '@vigie/client';
import { startVigie } from './vigie-harness';
const v = await startVigie();
const api = createClient({ baseUrl: v.url });
for (const q of ['vigie AND', 'vigie AND prix', '(vigie', 'vigie OR', '"vigie', 'vigie prix*', 'a']) console.log(q, JSON.stringify(await api.queries.validate(q)));
await v.close();
