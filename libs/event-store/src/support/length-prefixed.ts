// Big-endian fields for the hashes' byte layouts (the per-stream chain and the audit leaves).
export const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

export const i64 = (n: bigint): Buffer => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(n);
  return b;
};

/** UTF-8 text after its byte length: length prefixes keep field boundaries unambiguous. */
export const lengthPrefixed = (s: string): Buffer => {
  const bytes = Buffer.from(s, 'utf8');
  return Buffer.concat([u32(bytes.length), bytes]);
};
