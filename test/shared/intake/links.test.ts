// Issue 14: the phone links keep keys and secrets in the fragment, which browsers never send
// (RFC 3986 §3.5; the Fetch standard strips it from requests), and read back exactly.
import { describe, expect, it } from 'vitest';
import { phoneLink, readPhoneLink, type PhoneRoute } from '../../../shared';

const site = { pageUrl: 'https://addin.example.cn/phone.html', apiBase: 'https://fn.example.cn/api' };
const kid = 'K'.repeat(43);

describe('phone links', () => {
  const routes: PhoneRoute[] = [
    { mode: 'file', unitId: 'acme', kid },
    {
      mode: 'receipt',
      unitId: 'acme',
      receiptId: 'R'.repeat(22),
      receiptSecret: 'S'.repeat(43),
      replyKey: 'P'.repeat(43),
    },
    { mode: 'receipt', unitId: 'acme', receiptId: 'R'.repeat(22), receiptSecret: 'S'.repeat(43) },
    { mode: 'signIn', unitId: 'acme', kid, meetingKey: 'M'.repeat(22) },
  ];
  it.each(routes)('round-trips a $mode link, secrets only after #', (route) => {
    const link = phoneLink(site, route);
    const [beforeHash] = link.split('#');
    for (const secret of ['S'.repeat(43), 'P'.repeat(43), kid, 'M'.repeat(22)])
      expect(beforeHash).not.toContain(secret);
    expect(readPhoneLink(link)).toEqual({ ok: true, apiBase: site.apiBase, route });
  });

  it('refuses a cut, altered or foreign link with a message in both languages', () => {
    const link = phoneLink(site, routes[1] as PhoneRoute);
    for (const bad of [
      link.slice(0, -5),
      link.replace('m=r', 'm=x'),
      link.replace(/api=[^#]*/, 'api=javascript%3Aalert(1)'),
      'https://addin.example.cn/phone.html',
      'not a url',
    ]) {
      const r = readPhoneLink(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason.zh).toContain('二维码');
    }
  });

  it('refuses to build a link from a page address with a query', () => {
    expect(() =>
      phoneLink({ ...site, pageUrl: 'https://a.cn/phone.html?x=1' }, routes[0] as PhoneRoute),
    ).toThrow();
  });
});
