// Encrypted bodies (docs/api.md "Encrypted bodies"): the console uses the authenticated scheme,
// announced with `sym-encryption: aes-gcm` — AES-256-GCM under HKDF-SHA256(secret, no salt, INFO),
// wire form Base64(nonce ‖ ciphertext ‖ tag) — so that an altered cell list fails instead of decrypting.
import { fromBase64, toBase64 } from './signing.js';

export const SCHEME_HEADER = { 'sym-encryption': 'aes-gcm' };
const INFO = new TextEncoder().encode('sml-fusion body encryption v1');
const NONCE_BYTES = 12;

async function derivedKey(secret) {
  const material = await crypto.subtle.importKey('raw', fromBase64(secret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: INFO },
    material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function encrypt(secret, text) {
  const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce },
    await derivedKey(secret), new TextEncoder().encode(text)));
  const wire = new Uint8Array(NONCE_BYTES + sealed.length);
  wire.set(nonce);
  wire.set(sealed, NONCE_BYTES);
  return toBase64(wire);
}

export async function decrypt(secret, base64) {
  const wire = fromBase64(base64);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: wire.subarray(0, NONCE_BYTES) },
    await derivedKey(secret), wire.subarray(NONCE_BYTES));
  return new TextDecoder().decode(plain);
}
