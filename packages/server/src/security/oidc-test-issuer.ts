/**
 * A minimal OpenID Connect provider for tests, on 127.0.0.1: discovery, JWKS (a generated RS256
 * key), an authorize endpoint that answers at once for the person the test picks, and a token
 * endpoint that checks the client secret, the one-time code, the redirect URI and PKCE before
 * returning a signed ID token. The test can bend the ID token (nonce, e-mail, verification).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export interface TestPerson {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

interface Grant {
  clientId: string;
  redirectUri: string;
  nonce?: string;
  challenge?: string;
  person: TestPerson;
  used: boolean;
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startTestIssuer(client: { id: string; secret: string }) {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const grants = new Map<string, Grant>();
  const control: { person: TestPerson; nonce?: string; tokenRequests: number } = { person: { sub: 'u1', email: 'alice@velotys.example', email_verified: true }, tokenRequests: 0 };
  let issuer = '';

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', issuer);
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(payload));
      };
      if (url.pathname === '/.well-known/openid-configuration') {
        return send(200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
        });
      }
      if (url.pathname === '/jwks') return send(200, { keys: [jwk] });
      if (url.pathname === '/authorize') {
        const q = url.searchParams;
        if (q.get('client_id') !== client.id || q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256') return send(400, { error: 'invalid_request' });
        const code = randomBytes(16).toString('hex');
        grants.set(code, { clientId: client.id, redirectUri: q.get('redirect_uri') ?? '', nonce: q.get('nonce') ?? undefined, challenge: q.get('code_challenge') ?? undefined, person: control.person, used: false });
        const back = new URL(q.get('redirect_uri') ?? '');
        back.searchParams.set('code', code);
        back.searchParams.set('state', q.get('state') ?? '');
        res.writeHead(302, { location: back.href });
        return res.end();
      }
      if (url.pathname === '/token' && req.method === 'POST') {
        control.tokenRequests += 1;
        const form = new URLSearchParams(await body(req));
        const grant = grants.get(form.get('code') ?? '');
        if (form.get('client_id') !== client.id || form.get('client_secret') !== client.secret) return send(401, { error: 'invalid_client' });
        if (!grant || grant.used || grant.redirectUri !== form.get('redirect_uri')) return send(400, { error: 'invalid_grant' });
        const verifier = form.get('code_verifier') ?? '';
        if (createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) return send(400, { error: 'invalid_grant', error_description: 'PKCE' });
        grant.used = true;
        const { sub, ...claims } = grant.person;
        const idToken = await new SignJWT({ ...claims, nonce: control.nonce ?? grant.nonce })
          .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
          .setIssuer(issuer)
          .setAudience(client.id)
          .setSubject(sub)
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(privateKey);
        return send(200, { access_token: randomBytes(16).toString('hex'), token_type: 'Bearer', expires_in: 300, id_token: idToken });
      }
      return send(404, { error: 'not_found' });
    })().catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    /** Who the next authorization signs in, and an optional forced nonce for the next ID tokens. */
    control,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
