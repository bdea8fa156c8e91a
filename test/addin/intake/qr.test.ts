// The QR codes the pane places and offers for download, decoded back with jsQR (a maintained pure-JS
// decoder) from the PNG's pixels (pngjs): what a phone's camera reads is exactly the link.
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { phoneLink } from '../../../shared';
import { qrPng, qrSvg } from '../../../addin/intake/qr';
import { bytesOfBase64 } from '../../../addin/taskpane/common/download';

const site = {
  pageUrl: 'https://addin.example.cn/phone.html',
  apiBase: 'https://xieshang-fn.example.cn/api',
};
const kid = 'Qw1xbZ3Lr8m2Y7vN5kT0aPcD9eFgHiJkLmNoPqRsTuV';

function decode(base64: string): { text: string; width: number } {
  const png = PNG.sync.read(Buffer.from(base64, 'base64'));
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!found) throw new Error('no QR code found in the PNG');
  return { text: found.data, width: png.width };
}

describe('qrPng', () => {
  it('decodes back to the exact phone link (file mode)', async () => {
    const link = phoneLink(site, { mode: 'file', unitId: 'U-0001', kid });
    const { text } = decode(await qrPng(link));
    expect(text).toBe(link);
  });

  it('decodes back to a sign-in link with its meeting key', async () => {
    const link = phoneLink(site, {
      mode: 'signIn',
      unitId: 'U-0001',
      kid,
      meetingKey: 'AAECAwQFBgcICQoLDA0ODw',
    });
    expect(decode(await qrPng(link)).text).toBe(link);
  });

  it('is 8 px a module with a 4-module quiet zone: the width is 8 × (modules + 8), and the border is white', async () => {
    const link = phoneLink(site, { mode: 'file', unitId: 'U-0001', kid });
    const base64 = await qrPng(link);
    const png = PNG.sync.read(Buffer.from(base64, 'base64'));
    expect(png.width % 8).toBe(0);
    const modules = png.width / 8 - 8;
    // Versions are 21 + 4k modules wide.
    expect((modules - 21) % 4).toBe(0);
    // The quiet zone (32 px) is white all round; the finder pattern starts right after it.
    const at = (x: number, y: number) => png.data[(y * png.width + x) * 4] as number;
    for (let i = 0; i < 32; i++) expect(at(i, 40)).toBe(255);
    expect(at(32, 32)).toBe(0);
  });

  it('is a PNG whose bytes start with the PNG signature', async () => {
    const bytes = bytesOfBase64(await qrPng('https://example.cn/phone.html'));
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });
});

describe('qrSvg', () => {
  it('is SVG markup with a 4-module quiet zone in its viewBox', async () => {
    const svg = await qrSvg('https://example.cn/phone.html');
    expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 (\d+) \1"/);
    const size = Number(/viewBox="0 0 (\d+)/.exec(svg)?.[1]);
    expect((size - 8 - 21) % 4).toBe(0);
  });
});
