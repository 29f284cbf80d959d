// The request signature of docs/api.md "Signing a request", as io.smlfusion.security.RequestSigner makes it.
import { md5 } from './md5.js';

const utf8 = new TextEncoder();

export function toBase64(bytes) {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function fromBase64(text) {
  return Uint8Array.from(atob(text), c => c.charCodeAt(0));
}

const pad = (n, width) => String(n).padStart(width, '0');
let lastNanos = -1;

/**
 * The sym-date of now: UTC seconds and, after ';', nine digits of the second. The browser's clock has
 * milliseconds only; the digits below them count up, so two requests within one millisecond still sign
 * differently (the server refuses a signature it has already accepted).
 */
export function symDate(nowMs) {
  const date = new Date(nowMs);
  let nanos = (nowMs % 1000) * 1e6;
  if (nanos <= lastNanos && lastNanos - nanos < 1e6) nanos = lastNanos + 1;
  lastNanos = nanos;
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)} `
    + `${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)};${pad(nanos, 9)}`;
}

/** verb, Content-MD5, secret text, sym-date, cid, [body], resource, [query], each line ended by '\n'. */
export function stringToSign({ verb, contentMd5, secret, date, cid, body, resource, query }) {
  const head = utf8.encode(`${verb}\n${contentMd5}\n${secret}\n${date}\n${cid}\n`);
  const tail = utf8.encode((body.length > 0 ? '\n' : '') + `${resource}\n` + (query ? `${query}\n` : ''));
  const all = new Uint8Array(head.length + body.length + tail.length);
  all.set(head);
  all.set(body, head.length);
  all.set(tail, head.length + body.length);
  return all;
}

/** A customer's signing key: the HMAC key is the decoded secret, its Base64 text is line 3. */
export class Signer {
  static async of(cid, secret) {
    const raw = fromBase64(secret);
    if (raw.length !== 16) throw new Error('The secret key is 16 bytes written in Base64 (24 characters)');
    const hmac = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return new Signer(cid, secret, hmac);
  }

  constructor(cid, secret, hmac) {
    this.cid = cid;
    this.secret = secret;
    this.hmac = hmac;
  }

  /** The signature headers of a request; body is a Uint8Array (empty for none). */
  async headers(verb, resource, query, body, nowMs) {
    const contentMd5 = body.length > 0 ? toBase64(md5(body)) : '';
    const date = symDate(nowMs);
    const message = stringToSign({ verb, contentMd5, secret: this.secret, date, cid: this.cid, body, resource, query });
    const signature = new Uint8Array(await crypto.subtle.sign('HMAC', this.hmac, message));
    return { 'Authorization': toBase64(signature), 'sym-date': date, 'Content-MD5': contentMd5,
      'sym-version': '6.3', 'Customer-ID': this.cid };
  }
}
