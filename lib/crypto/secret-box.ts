// AES-256-GCM for secrets at rest (the provider key pool). Sealed values are versioned text,
// `v1.<iv>.<tag>.<ciphertext>` in base64url, so the format or the key can change later and old
// rows stay readable. An optional context (e.g. the row's id) is bound as additional data, so
// a ciphertext copied onto another row does not open there.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretBoxError";
  }
}

/** Decodes ENCRYPTION_SECRET (32 random bytes, base64 or base64url) into the AES key. */
export function encryptionKey(secret: string | undefined): Buffer {
  const value = secret?.trim() ?? "";
  if (!value)
    throw new SecretBoxError(
      "ENCRYPTION_SECRET is not set: it must be 32 random bytes, base64 (e.g. `openssl rand -base64 32`).",
    );
  const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) ? Buffer.from(value, "base64") : Buffer.alloc(0);
  if (key.length !== KEY_BYTES)
    throw new SecretBoxError(
      `ENCRYPTION_SECRET must be 32 random bytes, base64 (e.g. \`openssl rand -base64 32\`); it decodes to ${key.length} bytes.`,
    );
  return key;
}

export function seal(plaintext: string, secret: string | undefined, context = ""): string {
  const key = encryptionKey(secret);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString("base64url"));
  return [VERSION, ...parts].join(".");
}

export function open(sealed: string, secret: string | undefined, context = ""): string {
  const key = encryptionKey(secret);
  const [version, iv, tag, ciphertext, ...rest] = sealed.split(".");
  if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined || rest.length)
    throw new SecretBoxError("Not a sealed secret (expected v1.<iv>.<tag>.<ciphertext>).");
  const ivBytes = Buffer.from(iv, "base64url");
  const tagBytes = Buffer.from(tag, "base64url");
  if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES)
    throw new SecretBoxError("Not a sealed secret (bad IV or tag length).");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw new SecretBoxError(
      "The secret could not be decrypted: it was sealed with another ENCRYPTION_SECRET, or it was altered.",
    );
  }
}
