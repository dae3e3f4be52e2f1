// A signed checkpoint: "the first treeSize events, up to position, have this Merkle root". Signed with an
// Ed25519 key the database never holds, so whoever can write PostgreSQL cannot forge one.
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  createHash,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const AUDIT_CHECKPOINTS_TOPIC = 'samad.audit.checkpoints';

export interface AuditCheckpoint {
  readonly sequence: number;
  /** Position of the last covered event ("commit:prepare"); "0:0" for an empty store. */
  readonly position: string;
  readonly treeSize: number;
  /** Hex Merkle root of the first treeSize events in global order. */
  readonly root: string;
  readonly issuedAt: string;
  /** SHA-256 of the public key (hex, first 16 chars): which key signed. */
  readonly keyId: string;
  /** Base64 Ed25519 signature over checkpointPayload(). */
  readonly signature: string;
}

export type UnsignedCheckpoint = Omit<AuditCheckpoint, 'signature' | 'keyId'>;

export const checkpointPayload = (c: UnsignedCheckpoint): Buffer =>
  Buffer.from(
    ['samad-audit-checkpoint/v1', c.sequence, c.position, c.treeSize, c.root, c.issuedAt].join('\n'),
    'utf8',
  );

export const keyIdOf = (publicKey: KeyObject): string =>
  createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);

export const signCheckpoint = (c: UnsignedCheckpoint, privateKey: KeyObject): AuditCheckpoint => ({
  ...c,
  keyId: keyIdOf(createPublicKey(privateKey)),
  signature: sign(null, checkpointPayload(c), privateKey).toString('base64'),
});

export const checkpointSignatureValid = (c: AuditCheckpoint, publicKey: KeyObject): boolean => {
  try {
    return verify(null, checkpointPayload(c), publicKey, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
};

export const publicKeyPem = (key: KeyObject): string =>
  key.export({ type: 'spki', format: 'pem' }).toString();

/** Where `npm start`/`npm test` keep the demo key pair (never used when a key is configured). */
export const demoAuditKeyDirectory = (root = process.cwd()): string => join(root, '.local', 'audit');

const readPemOrFile = (value: string): string =>
  value.includes('-----BEGIN') ? value : readFileSync(value, 'utf8');

/** The signing key: SAMAD_AUDIT_SIGNING_KEY (PEM or a file), else the demo key in .local (made on first use). */
export const loadAuditSigningKey = (env: NodeJS.ProcessEnv = process.env): KeyObject => {
  const configured = env.SAMAD_AUDIT_SIGNING_KEY;
  if (configured) return createPrivateKey(readPemOrFile(configured));
  const directory = demoAuditKeyDirectory();
  const privatePath = join(directory, 'signing-key.pem');
  if (!existsSync(privatePath)) {
    // Both halves are written aside and the folder renamed into place: processes starting at once (test
    // workers, services) all end up with the one pair that won, never one's private and another's public key.
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    mkdirSync(dirname(directory), { recursive: true });
    const staging = mkdtempSync(join(dirname(directory), '.audit-key-'));
    writeFileSync(join(staging, 'signing-key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }), {
      mode: 0o600,
    });
    writeFileSync(join(staging, 'public-key.pem'), publicKeyPem(publicKey));
    try {
      renameSync(staging, directory);
    } catch {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return createPrivateKey(readFileSync(privatePath, 'utf8'));
};

/** The verifying key: an explicit PEM/file, SAMAD_AUDIT_PUBLIC_KEY, else the demo public key in .local. */
export const loadAuditPublicKey = (explicit?: string, env: NodeJS.ProcessEnv = process.env): KeyObject => {
  const source = explicit ?? env.SAMAD_AUDIT_PUBLIC_KEY ?? join(demoAuditKeyDirectory(), 'public-key.pem');
  return createPublicKey(readPemOrFile(source));
};
