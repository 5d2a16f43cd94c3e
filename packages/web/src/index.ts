/**
 * @vigie/web — the browser interface (Vite + React). Node code never imports the React app; this
 * entry only tells where the built files are, for tools that serve or check them.
 */
import { fileURLToPath } from 'node:url';

/** Absolute path of the Vite build output (`npm run build -w @vigie/web`). */
export const webDistDir = fileURLToPath(new URL('../dist', import.meta.url));
