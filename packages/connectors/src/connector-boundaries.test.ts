import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Folders that are not connectors. */
const SHARED = new Set(['kit', 'conformance']);
/** Modules that reach the network: only kit/ may import them, so no connector can bypass its checks. */
const NETWORK_MODULES = /^(?:undici|node:(?:http|https|http2|net|tls|dns|dgram)|http|https|net|tls|dns|ws|axios|node-fetch|got|ky)(?:\/|$)/;
const SHARED_IMPORT = /^\.\.\/(?:connector|connector-error|kit\/[\w-]+)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'/g)].map((m) => m[1] ?? '');
}

const root = import.meta.dirname;
const connectors = readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory() && !SHARED.has(name));

describe('connector boundaries (architecture.md point 4)', () => {
  it.each(connectors)('%s imports only core, the contract, kit/ and its own files, and never the network directly', (connector) => {
    const violations = sourceFiles(join(root, connector)).flatMap((file) =>
      importsOf(file)
        .filter((specifier) => (specifier.startsWith('../') ? !SHARED_IMPORT.test(specifier) : NETWORK_MODULES.test(specifier)))
        .map((specifier) => `${file.slice(root.length + 1)} → ${specifier}`),
    );
    expect(violations).toEqual([]);
  });
});
