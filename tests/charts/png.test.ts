/**
 * The PNG encoder of the build-time pictures (src/charts/png.ts): files that follow the PNG format to
 * the byte (chunks, CRCs, header, zlib stream of filtered rows) and decode to exactly the pixels given.
 */
import { inflateSync, crc32 } from 'node:zlib';
import { Canvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { encodePng, pngFromPixels } from '../../src/charts/png.ts';

/** Opaque pixels with every channel value in use, so a wrong byte anywhere shows. */
function gradient(width: number, height: number): Uint8ClampedArray {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data.set([(x * 7) & 255, (y * 13) & 255, (x * y) & 255, 255], i);
    }
  return data;
}

function chunks(png: Buffer): { type: string; data: Buffer; crcOk: boolean }[] {
  const out = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    out.push({ type, data, crcOk: png.readUInt32BE(at + 8 + length) === crc32(png.subarray(at + 4, at + 8 + length)) });
    at += 12 + length;
  }
  return out;
}

describe('PNG encoder', () => {
  const width = 37;
  const height = 23;
  const pixels = gradient(width, height);
  const png = pngFromPixels(pixels, width, height);

  it('writes the signature, IHDR, IDAT and IEND with correct CRCs', () => {
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const list = chunks(png);
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(list.every((c) => c.crcOk)).toBe(true);
    const header = list[0]!.data;
    expect([header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9], header[10], header[11], header[12]]).toEqual([width, height, 8, 6, 0, 0, 0]);
  });

  it('stores each row with filter 0 followed by the row’s RGBA bytes', () => {
    const rows = inflateSync(chunks(png)[1]!.data);
    expect(rows.length).toBe((width * 4 + 1) * height);
    for (let y = 0; y < height; y++) {
      const row = rows.subarray(y * (width * 4 + 1), (y + 1) * (width * 4 + 1));
      expect(row[0]).toBe(0);
      expect(row.subarray(1).equals(Buffer.from(pixels.buffer, y * width * 4, width * 4))).toBe(true);
    }
  });

  it('decodes in Skia to the same pixels', async () => {
    const image = await loadImage(png);
    const canvas = new Canvas(width, height);
    canvas.getContext('2d').drawImage(image, 0, 0);
    expect([...canvas.getContext('2d').getImageData(0, 0, width, height).data]).toEqual([...pixels]);
  });

  it('encodes a canvas as drawn, and frees the canvas’s pixels', async () => {
    const canvas = new Canvas(120, 40);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#0b4f8a';
    ctx.fillRect(0, 0, 60, 40);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(60, 0, 60, 40);
    const bytes = encodePng(canvas);
    expect([canvas.width, canvas.height]).toEqual([1, 1]);
    const image = await loadImage(bytes);
    const back = new Canvas(image.width, image.height);
    back.getContext('2d').drawImage(image, 0, 0);
    const data = back.getContext('2d').getImageData(0, 0, 120, 40).data;
    expect([...data.subarray(0, 4)]).toEqual([0x0b, 0x4f, 0x8a, 255]);
    expect([...data.subarray((40 * 120 - 1) * 4)]).toEqual([255, 255, 255, 255]);
  });

  it('refuses pixel data of the wrong length', () => {
    expect(() => pngFromPixels(new Uint8Array(10), 2, 2)).toThrow(/2×2/);
  });
});
