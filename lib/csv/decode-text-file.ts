/**
 * The text of an imported file, whatever Excel saved it as. Our exports are
 * UTF-8 with a BOM, but a colleague's file may have been opened and saved
 * again: "CSV UTF-8" keeps UTF-8; "Unicode text" is UTF-16 with its BOM; plain
 * "CSV" on a Vietnamese Windows is the ANSI code page, Windows-1258, which
 * read as UTF-8 would turn every accented letter into "�". So: a BOM decides;
 * else UTF-8 when the bytes are UTF-8 (a stray bad byte in a UTF-8 file costs
 * one "�", not the whole file); else Windows-1258, whose tone marks are
 * combining characters, composed here so the text matches what was typed
 * elsewhere. The caller says which was used when it was not UTF-8.
 */
export type TextFileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export function decodeTextFile(bytes: Uint8Array): { text: string; encoding: TextFileEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  // TextDecoder drops a UTF-8 BOM itself (ignoreBOM is false by default).
  const utf8 = () => ({ text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' as const });
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8();
  // Windows-1258 bytes can happen to form a few valid UTF-8 sequences ("GIẢ" in capitals does); a UTF-8
  // file with a stray byte has far more good sequences than bad bytes.
  const { valid, invalid } = utf8Sequences(bytes);
  if (invalid === 0 || valid >= 2 * invalid) return utf8();
  return { text: new TextDecoder('windows-1258').decode(bytes).normalize('NFC'), encoding: 'windows-1258' };
}

/** A file (or any Blob) picked or dropped by the monitor, decoded as above. */
export async function readTextFile(file: Blob): Promise<{ text: string; encoding: TextFileEncoding }> {
  return decodeTextFile(new Uint8Array(await file.arrayBuffer()));
}

/** How many well-formed multi-byte UTF-8 sequences the bytes hold, and how many bytes above 0x7F fit none. */
function utf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let at = 0; at < bytes.length; ) {
    const lead = bytes[at]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    let ok = length > 0 && at + length <= bytes.length;
    for (let k = 1; ok && k < length; k += 1) ok = (bytes[at + k]! & 0xc0) === 0x80;
    if (length === 1) at += 1;
    else if (ok) {
      valid += 1;
      at += length;
    } else {
      invalid += 1;
      at += 1;
    }
  }
  return { valid, invalid };
}
