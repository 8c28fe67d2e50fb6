/**
 * The QR code of the pre-provisioning pages (§7.6), drawn as a deterministic pseudo-QR pattern.
 *
 * It has a QR code's anatomy (25×25 modules, three finder patterns, timing lines, one alignment pattern, a quiet
 * zone) and data modules derived from the device id, so the same device always shows the same picture and two
 * devices look different. It is not an encoding of the id and does not scan (docs/fidelity.md); the id is printed
 * beside it and is the picture's accessible name.
 */
import { memo } from 'react';
import type { JSX } from 'react';

const SIZE = 25;
const QUIET = 2;

/** FNV-1a then xorshift32: a small, stable stream of bits from a string. */
function bitStream(seed: string): () => boolean {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) {
    state ^= seed.charCodeAt(i);
    state = Math.imul(state, 0x01000193) >>> 0;
  }
  if (state === 0) state = 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return (state & 0x100) !== 0;
  };
}

function inFinder(x: number, y: number): boolean {
  const near = (v: number, at: number): boolean => v >= at && v < at + 8;
  return (near(x, 0) && near(y, 0)) || (near(x, SIZE - 8) && near(y, 0)) || (near(x, 0) && near(y, SIZE - 8));
}

function finderModule(x: number, y: number): boolean {
  const fx = x >= SIZE - 8 ? x - (SIZE - 7) : x;
  const fy = y >= SIZE - 8 ? y - (SIZE - 7) : y;
  if (fx < 0 || fy < 0 || fx > 6 || fy > 6) return false; // the white separator
  const ring = Math.max(Math.abs(fx - 3), Math.abs(fy - 3));
  return ring !== 2;
}

/** One SVG path of the dark modules, in module units (the quiet zone included in the view box). */
export function qrPath(seed: string): string {
  const next = bitStream(seed);
  const parts: string[] = [];
  for (let y = 0; y < SIZE; y += 1) {
    for (let x = 0; x < SIZE; x += 1) {
      let dark: boolean;
      if (inFinder(x, y)) dark = finderModule(x, y);
      else if (Math.abs(x - 18) <= 2 && Math.abs(y - 18) <= 2)
        dark = Math.max(Math.abs(x - 18), Math.abs(y - 18)) !== 1;
      else if (y === 6) dark = x % 2 === 0;
      else if (x === 6) dark = y % 2 === 0;
      else dark = next();
      if (dark) parts.push(`M${x + QUIET} ${y + QUIET}h1v1h-1z`);
    }
  }
  return parts.join('');
}

interface QrPatternProps {
  deviceId: string;
  label: string;
  className?: string;
}

export const QrPattern = memo(function QrPattern({ deviceId, label, className }: QrPatternProps): JSX.Element {
  const box = SIZE + QUIET * 2;
  return (
    <svg
      viewBox={`0 0 ${box} ${box}`}
      role="img"
      aria-label={label}
      className={className}
      shapeRendering="crispEdges"
      data-testid="qr-code"
    >
      <rect width={box} height={box} fill="#ffffff" />
      <path d={qrPath(deviceId)} fill="#000000" />
    </svg>
  );
});
