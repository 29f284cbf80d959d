// Signed calls to /symetry/rest/{cid}/…, made in the browser with the customer's key.
import { Signer } from './signing.js';
import { SCHEME_HEADER, decrypt, encrypt } from './bodycrypto.js';

const REST = '/symetry/rest/';
const CLOCK_TOLERANCE_MS = 30_000;
const JOB_POLL_MS = 500;
const JOB_MAX_POLLS = 1200; // ten minutes: the server keeps a finished job for ten minutes by default

/** A non-2xx answer: the HTTP status and the envelope's statusString. */
export class ApiError extends Error {
  constructor(status, envelope) {
    super(`HTTP ${status}: ${envelope.statusString ?? 'no envelope'}`);
    this.status = status;
    this.envelope = envelope;
  }
}

export const segment = encodeURIComponent;

export class Client {
  static async signIn(cid, secret) {
    const client = new Client(await Signer.of(cid, secret));
    await client.call('GET', 'projects/list');
    return client;
  }

  constructor(signer) {
    this.signer = signer;
    this.clockOffsetMs = 0;
  }

  get cid() { return this.signer.cid; }

  get secret() { return this.signer.secret; }

  /**
   * Signs and sends; relative is 'path?query' under the customer's root, its query already encoded
   * as it goes on the wire (it is signed byte for byte). Answers {status, headers, envelope}.
   */
  async call(verb, relative, body, extraHeaders = {}) {
    const [path, query = ''] = relative.split(/\?(.*)/s);
    const resource = REST + segment(this.cid) + '/' + path;
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(0);
    const headers = await this.signer.headers(verb, resource, query, bytes, Date.now() + this.clockOffsetMs);
    if (bytes.length > 0) headers['Content-Type'] = 'application/json';
    const response = await fetch(resource + (query ? '?' + query : ''), {
      method: verb, headers: { ...headers, ...extraHeaders }, body: bytes.length > 0 ? bytes : undefined,
      credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer',
    });
    this.followServerClock(response);
    const text = await response.text();
    let envelope;
    try {
      envelope = JSON.parse(text);
    } catch {
      envelope = { statusString: `unreadable answer (${text.length} characters, not JSON)` };
    }
    if (!response.ok) throw new ApiError(response.status, envelope);
    return { status: response.status, headers: response.headers, envelope };
  }

  /** The server accepts a sym-date within minutes of its clock: sign with the server's time if ours is off. */
  followServerClock(response) {
    const serverMs = Date.parse(response.headers.get('Date') ?? '');
    if (!Number.isNaN(serverMs) && Math.abs(serverMs - Date.now()) > CLOCK_TOLERANCE_MS) {
      this.clockOffsetMs = serverMs - Date.now();
    }
  }

  async values(verb, relative, body, extraHeaders) {
    return (await this.call(verb, relative, body, extraHeaders)).envelope.values ?? {};
  }

  /** An asynchronous call followed to its end; onProgress gets each jobinfo while it runs. */
  async job(verb, relative, body, onProgress = () => {}) {
    const started = await this.call(verb, relative, body);
    const id = started.headers.get('sym-job-id');
    if (started.status !== 202 || !id) return started.envelope;
    for (let poll = 0; poll < JOB_MAX_POLLS; poll++) {
      const answer = await this.call('GET', 'jobs/' + segment(id));
      if (answer.status !== 202) return answer.envelope;
      onProgress(answer.envelope.values?.jobinfo);
      await new Promise(resolve => setTimeout(resolve, JOB_POLL_MS));
    }
    throw new Error(`job ${id} still running after ${JOB_MAX_POLLS * JOB_POLL_MS / 1000} s`);
  }

  /** A call whose body is encrypted with the customer's key (fusion cell lists). */
  async encryptedCall(verb, relative, plainJson) {
    return this.call(verb, relative, await encrypt(this.secret, plainJson), SCHEME_HEADER);
  }

  decrypt(base64) {
    return decrypt(this.secret, base64);
  }

  /** A project's smlInfo; a fusion's encrypted fields come in the console's scheme. */
  async info(pid) {
    return (await this.values('GET', `projects/${segment(pid)}/info`, undefined, SCHEME_HEADER)).smlInfo;
  }
}
