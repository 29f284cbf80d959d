// The key lives in this tab's sessionStorage only: gone when the tab closes, never in localStorage,
// a cookie or a URL.
const CID = 'smlfusion.console.cid';
const SECRET = 'smlfusion.console.secret';

export function saved() {
  const cid = sessionStorage.getItem(CID);
  const secret = sessionStorage.getItem(SECRET);
  return cid && secret ? { cid, secret } : null;
}

export function save(cid, secret) {
  sessionStorage.setItem(CID, cid);
  sessionStorage.setItem(SECRET, secret);
}

export function forget() {
  sessionStorage.removeItem(CID);
  sessionStorage.removeItem(SECRET);
}
