import { createHash } from 'node:crypto';
import { hashLeaf, hashNode, inclusionProof, merkleRoot, MerkleFrontier, verifyInclusion } from './merkle';

const leaves = (n: number): Buffer[] =>
  Array.from({ length: n }, (_, i) => hashLeaf(Buffer.from(`event ${i}`)));

describe('the store-wide Merkle tree (RFC 6962)', () => {
  it('computes the RFC 6962 root for small trees', () => {
    const [a, b, c] = leaves(3);
    expect(merkleRoot([])).toEqual(createHash('sha256').digest());
    expect(merkleRoot([a])).toEqual(a);
    expect(merkleRoot([a, b])).toEqual(hashNode(a, b));
    expect(merkleRoot([a, b, c])).toEqual(hashNode(hashNode(a, b), c));
  });

  it('proves every leaf of every tree size up to 20, and nothing else', () => {
    for (let size = 1; size <= 20; size++) {
      const tree = leaves(size);
      const root = merkleRoot(tree);
      for (let index = 0; index < size; index++) {
        const proof = inclusionProof(tree, index, size);
        expect(verifyInclusion(tree[index], index, size, proof, root)).toBe(true);
        expect(verifyInclusion(tree[(index + 1) % size], index, size, proof, root)).toBe(size === 1);
        if (size > 1) expect(verifyInclusion(tree[index], (index + 1) % size, size, proof, root)).toBe(false);
      }
    }
  });

  it('resumes from a stored frontier with the same root as a fresh fold', () => {
    const tree = leaves(13);
    const first = MerkleFrontier.empty();
    tree.slice(0, 7).forEach((leaf) => first.append(leaf));
    const resumed = MerkleFrontier.restore(first.size, first.hashes);
    tree.slice(7).forEach((leaf) => resumed.append(leaf));
    expect(resumed.root()).toEqual(merkleRoot(tree));
    expect(() => MerkleFrontier.restore(7, first.hashes.slice(1))).toThrow(RangeError);
  });
});
