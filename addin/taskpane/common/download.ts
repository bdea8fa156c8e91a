/**
 * Offers bytes as a file download from the pane: an `<a download>` on a blob URL, which browsers and
 * Excel's webviews (Edge WebView2, WKWebView, Excel on the web) turn into a saved file.
 */
export function offerDownload(bytes: Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The bytes of base64 text, for a download (atob: browsers, Excel's webviews, Node 16+). */
export const bytesOfBase64 = (base64: string): Uint8Array =>
  Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
