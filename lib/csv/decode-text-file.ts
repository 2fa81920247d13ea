/**
 * The text of an imported file, whatever Excel saved it as. Our exports are
 * UTF-8 with a BOM, but a colleague's file may have been opened and saved
 * again: "CSV UTF-8" keeps UTF-8; "Unicode text" is UTF-16 with its BOM; plain
 * "CSV" on a Vietnamese Windows is the ANSI code page, Windows-1258, which
 * read as UTF-8 would turn every accented letter into "�". So: a BOM decides;
 * else strict UTF-8; else Windows-1258 (whose tone marks are combining
 * characters, composed here so the text matches what was typed elsewhere).
 */
export type TextFileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export function decodeTextFile(bytes: Uint8Array): { text: string; encoding: TextFileEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    // TextDecoder drops a UTF-8 BOM itself (ignoreBOM is false by default).
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1258').decode(bytes).normalize('NFC'), encoding: 'windows-1258' };
  }
}
