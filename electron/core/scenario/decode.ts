/**
 * Scenario files and Intune exports arrive in whatever encoding the tool that wrote them chose:
 * UTF-8 (with or without a BOM), or UTF-16LE with a BOM (PowerShell 5's `Out-File` default, and the
 * OpenIntuneBaseline exports). This turns their bytes into text. Pure: no fs, so the renderer can use it.
 */

/** Decode a text file's bytes, honouring a BOM and stripping it. */
export function decodeScenarioBytes(bytes: Uint8Array): string {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decodeUtf8(bytes.subarray(3));
  if (b0 === 0xff && b1 === 0xfe) return decodeUtf16le(bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return decodeUtf16be(bytes.subarray(2));

  // No BOM. JSON starts with an ASCII character, so UTF-16 without a BOM shows up as a zero byte beside it.
  if (bytes.length >= 2 && b0 !== 0 && b1 === 0) return decodeUtf16le(bytes);
  if (bytes.length >= 2 && b0 === 0 && b1 !== 0) return decodeUtf16be(bytes);
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    // ignoreBOM: a second BOM after the one we stripped is content, not a marker.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Not UTF-8: most likely Windows PowerShell's "ANSI" output (Set-Content, Out-File -Encoding Default).
    return decodeWindows1252(bytes);
  }
}

function decodeWindows1252(bytes: Uint8Array): string {
  try {
    return new TextDecoder('windows-1252').decode(bytes);
  } catch {
    // A runtime without that legacy encoding: show replacement characters rather than fail.
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  }
}

function decodeUtf16le(bytes: Uint8Array): string {
  return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes);
}

function decodeUtf16be(bytes: Uint8Array): string {
  // Swap each byte pair and read as little-endian: not every runtime ships a UTF-16BE decoder.
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1] ?? 0;
    swapped[i + 1] = bytes[i] ?? 0;
  }
  return decodeUtf16le(swapped);
}
