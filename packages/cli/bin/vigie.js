#!/usr/bin/env node
// The `vigie` command. Vigie runs from its TypeScript sources (no build step): tsx registers
// the loader, then the CLI entry runs.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/main.ts', import.meta.url).href);
