/**
 * PNG files of the build-time pictures. Encoding was the largest single cost of a province's build
 * (BENCHMARKS.md): Skia's PNG encoder in @napi-rs/canvas, which has no speed setting, took 90 ms for a
 * chart and 600 ms for a tall 一图读懂, well over half of all picture time. Flat-colour pictures like
 * these compress best without PNG's row filters, so each row is copied as it is and deflated by Node's
 * zlib: 2 to 4 times faster than Skia, and the files are a quarter smaller. (pngjs, the usual npm
 * encoder, writes files four times larger with filters off and is slower than Skia with them on.)
 */
import { crc32, deflateSync } from 'node:zlib';
import type { Canvas } from '@napi-rs/canvas';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Eight bits a channel, RGBA (colour type 6), deflate, no interlace: PNG 1.2 §11.2.2. */
const BIT_DEPTH = 8;
const COLOUR_TYPE_RGBA = 6;
/** zlib level 6: level 9 saves 5% and takes three times as long; level 1 is hardly faster here. */
const LEVEL = 6;

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A PNG of straight (not premultiplied) RGBA pixels, `width` × `height`, row after row. */
export function pngFromPixels(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`PNG：像素数据长度 ${rgba.length} 与 ${width}×${height} 不符`);
  const pixels = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  const stride = width * 4;
  // Each row starts with its filter type: 0, none.
  const rows = Buffer.allocUnsafe((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (stride + 1)] = 0;
    pixels.copy(rows, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = BIT_DEPTH;
  header[9] = COLOUR_TYPE_RGBA;
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: LEVEL })), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * The PNG of a canvas, and its pixels freed. @napi-rs/canvas (1.1.1) frees a canvas's pixels only when
 * the canvas is resized, not when it becomes garbage: 5.5 MB a chart, some 20 GB for a province's charts
 * in one build. Shrinking it once read frees them.
 */
export function encodePng(canvas: Canvas): Buffer {
  const { width, height } = canvas;
  // getImageData gives straight alpha (canvas.data() would give Skia's premultiplied pixels).
  const png = pngFromPixels(canvas.getContext('2d').getImageData(0, 0, width, height).data, width, height);
  canvas.width = 1;
  canvas.height = 1;
  return png;
}
