import { imageGeometry } from './image-geometry';

function pngHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'ascii');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

function jpegHeader(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x04, 0x00, 0x00]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof]);
}

/** A little-endian TIFF whose IFDs (one per page) give width and height; `loop` points the last IFD back at the first. */
function tiffHeader(pages: { width: number; height: number }[], loop = false): Buffer {
  const ifdSize = 2 + 2 * 12 + 4;
  const b = Buffer.alloc(8 + pages.length * ifdSize);
  b.write('II', 0, 'ascii');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  pages.forEach((page, i) => {
    const at = 8 + i * ifdSize;
    b.writeUInt16LE(2, at);
    [[256, page.width], [257, page.height]].forEach(([tag, value], k) => {
      const entry = at + 2 + k * 12;
      b.writeUInt16LE(tag, entry);
      b.writeUInt16LE(4, entry + 2);
      b.writeUInt32LE(1, entry + 4);
      b.writeUInt32LE(value, entry + 8);
    });
    const last = i === pages.length - 1;
    b.writeUInt32LE(last ? (loop ? 8 : 0) : at + ifdSize, at + 2 + 2 * 12);
  });
  return b;
}

describe('scan image geometry from the header', () => {
  it('reads a PNG, a JPEG and a multi-page TIFF', () => {
    expect(imageGeometry('image/png', pngHeader(2480, 3508), 30)).toEqual({ width: 2480, height: 3508, pages: 1 });
    expect(imageGeometry('image/jpeg', jpegHeader(1240, 1754), 30)).toEqual({ width: 1240, height: 1754, pages: 1 });
    expect(imageGeometry('image/tiff', tiffHeader([{ width: 100, height: 200 }, { width: 300, height: 150 }]), 30)).toEqual({ width: 300, height: 200, pages: 2 });
  });

  it('stops counting a TIFF whose pages loop, one past the limit', () => {
    expect(imageGeometry('image/tiff', tiffHeader([{ width: 10, height: 10 }], true), 5)?.pages).toBe(6);
  });

  it('gives up on a truncated header instead of throwing', () => {
    expect(imageGeometry('image/png', pngHeader(10, 10).subarray(0, 20), 30)).toBeUndefined();
    expect(imageGeometry('image/tiff', tiffHeader([{ width: 10, height: 10 }]).subarray(0, 12), 30)).toBeUndefined();
  });
});
