/**
 * Saves text as a normal browser download (a Blob URL on an <a download>), so
 * no `downloads` permission is needed.
 */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  // Revoke later: the download has to start reading the Blob first.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
