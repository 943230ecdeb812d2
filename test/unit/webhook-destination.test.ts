import { describe, expect, it } from 'vitest';
import { addressAllowed, checkResolvedUrl, checkUrl, ForbiddenDestination } from '../../functions/core/outgoing-webhooks/destination.ts';

const aws = { allowLoopbackHttp: false };
const local = { allowLoopbackHttp: true };

describe('webhook destinations', () => {
  it('refuses private, link-local, unique-local and (in AWS) loopback addresses, in both families', () => {
    for (const address of [
      '10.0.0.1',
      '10.255.255.255',
      '192.168.0.1',
      '172.16.5.4',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      'fd00::1',
      'fd12:3456::1',
      'fe80::1',
      '::ffff:10.0.0.1',
    ]) {
      expect({ address, allowed: addressAllowed(address, aws) }).toEqual({ address, allowed: false });
      expect({ address, allowed: addressAllowed(address, local) }).toEqual({ address, allowed: false });
    }
    for (const address of ['127.0.0.1', '::1']) {
      expect(addressAllowed(address, aws)).toBe(false);
      expect(addressAllowed(address, local)).toBe(true);
    }
    for (const address of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946']) expect(addressAllowed(address, aws)).toBe(true);
  });

  it('accepts https to public hosts; plain http only to loopback under the local runtime', () => {
    expect(checkUrl('https://hooks.example.com/portico', aws).host).toBe('hooks.example.com');
    expect(checkUrl('http://127.0.0.1:9000/hooks', local).port).toBe('9000');
    expect(checkUrl('http://[::1]:9000/hooks', local).port).toBe('9000');
    for (const url of ['http://127.0.0.1:9000/hooks', 'https://127.0.0.1/hooks', 'https://[::1]/hooks', 'http://[::1]/hooks', 'http://hooks.example.com/']) {
      expect(() => checkUrl(url, aws)).toThrow(ForbiddenDestination);
    }
    expect(() => checkUrl('https://[::ffff:127.0.0.1]/', aws)).toThrow(ForbiddenDestination);
    for (const url of ['https://user:pass@hooks.example.com/', 'http://10.0.0.1/', 'https://[fd00::1]/', 'not a url', 'file:///etc/passwd']) {
      expect(() => checkUrl(url, local)).toThrow(ForbiddenDestination);
    }
  });

  it('refuses a name that resolves to a refused address, checked after resolution', async () => {
    await expect(checkResolvedUrl('https://localhost/hooks', aws)).rejects.toThrow(ForbiddenDestination);
    await expect(checkResolvedUrl('https://nothing.invalid/hooks', aws)).rejects.toThrow(ForbiddenDestination);
  });
});
