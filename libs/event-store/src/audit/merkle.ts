// RFC 6962 (Certificate Transparency) Merkle tree over the store's events in global order: leaves are
// prefixed 0x00 and nodes 0x01, so no leaf can pass for a node; sizes need not be powers of two.
import { createHash } from 'node:crypto';

export const hashLeaf = (leafData: Buffer): Buffer =>
  createHash('sha256')
    .update(Buffer.from([0]))
    .update(leafData)
    .digest();

export const hashNode = (left: Buffer, right: Buffer): Buffer =>
  createHash('sha256')
    .update(Buffer.from([1]))
    .update(left)
    .update(right)
    .digest();

const EMPTY_ROOT = createHash('sha256').digest();

/** The right edge of a growing tree (one perfect subtree per set bit of the size): append in O(log n) memory. */
export class MerkleFrontier {
  private constructor(
    private readonly subtrees: { size: number; hash: Buffer }[],
    private count: number,
  ) {}

  static empty(): MerkleFrontier {
    return new MerkleFrontier([], 0);
  }

  /** Rebuilds from a stored frontier (hex hashes, largest subtree first). */
  static restore(size: number, hashes: readonly string[]): MerkleFrontier {
    const sizes: number[] = [];
    for (let bit = 52; bit >= 0; bit--) if (Math.floor(size / 2 ** bit) % 2 === 1) sizes.push(2 ** bit);
    if (sizes.length !== hashes.length) throw new RangeError('A frontier does not match its tree size');
    return new MerkleFrontier(
      sizes.map((s, i) => ({ size: s, hash: Buffer.from(hashes[i], 'hex') })),
      size,
    );
  }

  get size(): number {
    return this.count;
  }

  get hashes(): string[] {
    return this.subtrees.map((subtree) => subtree.hash.toString('hex'));
  }

  append(leafHash: Buffer): void {
    let node = { size: 1, hash: leafHash };
    while (this.subtrees.length > 0 && this.subtrees[this.subtrees.length - 1].size === node.size) {
      const left = this.subtrees.pop()!;
      node = { size: left.size * 2, hash: hashNode(left.hash, node.hash) };
    }
    this.subtrees.push(node);
    this.count++;
  }

  root(): Buffer {
    if (this.subtrees.length === 0) return EMPTY_ROOT;
    let hash = this.subtrees[this.subtrees.length - 1].hash;
    for (let i = this.subtrees.length - 2; i >= 0; i--) hash = hashNode(this.subtrees[i].hash, hash);
    return hash;
  }
}

export const merkleRoot = (leaves: readonly Buffer[]): Buffer => {
  const frontier = MerkleFrontier.empty();
  for (const leaf of leaves) frontier.append(leaf);
  return frontier.root();
};

const largestPowerOfTwoBelow = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

/** The audit path of leaf `index` in the tree of the first `size` leaves (RFC 6962 §2.1.1), bottom up. */
export const inclusionProof = (leaves: readonly Buffer[], index: number, size: number): Buffer[] => {
  const path = (m: number, from: number, n: number): Buffer[] => {
    if (n === 1) return [];
    const k = largestPowerOfTwoBelow(n);
    return m < k
      ? [...path(m, from, k), merkleRoot(leaves.slice(from + k, from + n))]
      : [...path(m - k, from + k, n - k), merkleRoot(leaves.slice(from, from + k))];
  };
  return path(index, 0, size);
};

/** RFC 9162 §2.1.3.2: does the leaf sit at `index` of the tree of `size` leaves whose root is `root`? */
export const verifyInclusion = (
  leafHash: Buffer,
  index: number,
  size: number,
  proof: readonly Buffer[],
  root: Buffer,
): boolean => {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = hashNode(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = hashNode(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
};
