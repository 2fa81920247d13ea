/**
 * Saves data as a normal browser download (a Blob URL on an <a download>), so
 * no `downloads` permission is needed.
 */
function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  // Revoke later: the download has to start reading the Blob first.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(text: string, fileName: string, type: string): void {
  download(new Blob([text], { type }), fileName);
}

export function downloadBytes(bytes: Uint8Array, fileName: string, type: string): void {
  download(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), fileName);
}
