// Office 2019 volume-licensed always, and older Office without WebView2, show add-ins in Trident
// (IE11) or EdgeHTML, which cannot parse the ES2020 bundle; Office asks for a graceful message:
// https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins
// https://learn.microsoft.com/office/dev/add-ins/develop/support-ie-11
import { parse } from 'acorn';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../addin/taskpane/i18n/strings';

const html = readFileSync('addin/taskpane/index.html', 'utf8');
const script = /<script id="webview-check">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';

/** What #root shows after the check runs in a webview with this user agent. */
function rootAfter(userAgent: string): string {
  const root = { textContent: '' };
  const document = { getElementById: (id: string) => (id === 'root' ? root : null) };
  new Function('navigator', 'document', script)({ userAgent }, document);
  return root.textContent;
}

const TRIDENT = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; rv:11.0) like Gecko';
const EDGE_HTML =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; WebView/3.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045';
const WEBVIEW2 =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0';
const WKWEBVIEW = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)';

describe('the task pane page in a webview that cannot run the pane', () => {
  it('is ES5, so Trident itself can run the check', () => {
    expect(script).toContain('navigator.userAgent');
    expect(() => parse(script, { ecmaVersion: 5 })).not.toThrow();
  });

  it('tells the clerk in Chinese and English, in Trident and EdgeHTML, and stays silent elsewhere', () => {
    const message = `${translate('zh', 'app.oldWebview')} / ${translate('en', 'app.oldWebview')}`;
    expect(rootAfter(TRIDENT)).toBe(message);
    expect(rootAfter(EDGE_HTML)).toBe(message);
    expect(rootAfter(WEBVIEW2)).toBe('');
    expect(rootAfter(WKWEBVIEW)).toBe('');
  });
});
