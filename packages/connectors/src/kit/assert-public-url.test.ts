import { describe, expect, it } from 'vitest';
import { assertPublicUrl } from './assert-public-url';

const publicDns = async () => [{ address: '93.184.215.14', family: 4 as const }];

describe('assertPublicUrl', () => {
  it('accepts an http(s) URL resolving to public addresses', async () => {
    const url = await assertPublicUrl('https://blog.example/feed', { allowPrivate: false, resolve: publicDns });
    expect(url.href).toBe('https://blog.example/feed');
  });

  it('refuses private addresses with a readable message', async () => {
    await expect(assertPublicUrl('https://10.0.0.1/', { allowPrivate: false })).rejects.toMatchObject({
      code: 'blocked_url',
      message: 'https://10.0.0.1/ resolves to a private address; set VIGIE_ALLOW_PRIVATE_URLS=1 to allow intranet sources',
    });
    await expect(assertPublicUrl('http://localhost:8080/feed', { allowPrivate: false })).rejects.toMatchObject({ code: 'blocked_url' });
  });

  it('allows private addresses when configured', async () => {
    await expect(assertPublicUrl('http://127.0.0.1:8080/feed', { allowPrivate: true })).resolves.toBeInstanceOf(URL);
  });

  it('refuses other schemes and embedded credentials', async () => {
    await expect(assertPublicUrl('file:///etc/passwd', { allowPrivate: true })).rejects.toMatchObject({ code: 'blocked_url' });
    await expect(assertPublicUrl('ftp://ftp.example/', { allowPrivate: true })).rejects.toMatchObject({ code: 'blocked_url' });
    await expect(assertPublicUrl('https://u:p@blog.example/', { allowPrivate: false, resolve: publicDns })).rejects.toMatchObject({ code: 'blocked_url' });
  });

  it('reports a malformed URL as invalid_request', async () => {
    await expect(assertPublicUrl('not a url', { allowPrivate: false })).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('reports a host that does not resolve as upstream_unavailable', async () => {
    const failing = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    await expect(assertPublicUrl('https://nowhere.invalid/', { allowPrivate: false, resolve: failing })).rejects.toMatchObject({
      code: 'upstream_unavailable',
    });
  });
});
