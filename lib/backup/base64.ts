/**
 * Bytes ↔ base64 for the JSON backup (screenshots and MHTML pages are bytes;
 * JSON has only text). Chunked, because String.fromCharCode(...bytes) on a
 * multi-megabyte page would overflow the call stack.
 */

const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += CHUNK) binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK));
  return btoa(binary);
}

/** Throws on anything that is not base64 (atob does): callers validate first. */
export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let at = 0; at < binary.length; at += 1) bytes[at] = binary.charCodeAt(at);
  return bytes;
}
