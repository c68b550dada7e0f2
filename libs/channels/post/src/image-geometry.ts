/** Width, height and page count of a scan image read from its header, before any decoder sees the pixels. */
export interface ImageGeometry {
  width: number;
  height: number;
  pages: number;
}

function png(b: Buffer): ImageGeometry | undefined {
  if (b.length < 24 || b.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), pages: 1 };
}

/** The first start-of-frame marker (SOF0–SOF15 except DHT, JPG and DAC) carries the size. */
function jpeg(b: Buffer): ImageGeometry | undefined {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1];
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = b.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7), pages: 1 };
    }
    at += 2 + length;
  }
  return undefined;
}

/** Walks the IFD chain (one IFD per page), taking the largest page; stops at `maxPages + 1` so a looping chain ends. */
function tiff(b: Buffer, maxPages: number): ImageGeometry | undefined {
  const little = b.toString('ascii', 0, 2) === 'II';
  const u16 = (at: number) => (little ? b.readUInt16LE(at) : b.readUInt16BE(at));
  const u32 = (at: number) => (little ? b.readUInt32LE(at) : b.readUInt32BE(at));
  let ifd = u32(4);
  let width = 0;
  let height = 0;
  let pages = 0;
  while (ifd > 0 && ifd + 2 <= b.length && pages <= maxPages) {
    const entries = u16(ifd);
    if (ifd + 2 + entries * 12 + 4 > b.length) return undefined;
    for (let i = 0; i < entries; i++) {
      const entry = ifd + 2 + i * 12;
      const tag = u16(entry);
      const value = u16(entry + 2) === 3 ? u16(entry + 8) : u32(entry + 8);
      if (tag === 256) width = Math.max(width, value);
      if (tag === 257) height = Math.max(height, value);
    }
    pages++;
    ifd = u32(ifd + 2 + entries * 12);
  }
  return width > 0 && height > 0 ? { width, height, pages } : undefined;
}

export function imageGeometry(contentType: string, content: Buffer, maxPages: number): ImageGeometry | undefined {
  try {
    if (contentType === 'image/png') return png(content);
    if (contentType === 'image/jpeg') return jpeg(content);
    if (contentType === 'image/tiff') return tiff(content, maxPages);
  } catch {
    return undefined;
  }
  return undefined;
}
