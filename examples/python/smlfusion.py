"""A small client of the SymetryML REST API as sml-fusion serves it.

Signing (HMAC-SHA256 over the string to sign), DataFrames from pandas, the encrypted bodies of the
fusion calls (AES-128-CBC with the product's fixed IV), and asynchronous jobs. Needs the Python
standard library, pandas and cryptography (Debian: python3-pandas python3-cryptography).
"""

import base64
import hashlib
import hmac
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timezone

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

# The product's documented, public and constant IV of the AES-128-CBC body encryption.
FIXED_IV = base64.b64decode("LzM5QUtXZXWHm7HJ4wAePg==")


class SmlError(Exception):
    """A non-2xx answer: the HTTP status and the envelope's statusString."""

    def __init__(self, status, envelope):
        super().__init__(f"HTTP {status}: {envelope.get('statusString')}")
        self.status = status
        self.envelope = envelope


class Client:
    """Signed calls as one customer: cid and its Base64 secret key."""

    def __init__(self, host, cid, secret, timeout=300):
        self.host = host.rstrip("/")
        self.cid = cid
        self.secret = secret
        self.key = base64.b64decode(secret)
        self.timeout = timeout

    # --- signing -------------------------------------------------------------------------------
    def sign(self, method, path, query, body):
        """The signature headers: verb, Content-MD5, secret, sym-date, cid, [body], path, [query]."""
        # the fraction after ';' makes two identical requests in one second sign differently: the
        # server refuses a signature it has already seen (replay guard)
        now_ns = time.time_ns()
        sym_date = datetime.fromtimestamp(now_ns // 10**9, timezone.utc).strftime("%Y-%m-%d %H:%M:%S") + f";{now_ns % 10**9:09d}"
        md5 = base64.b64encode(hashlib.md5(body).digest()).decode() if body else ""
        parts = [method.encode(), md5.encode(), self.secret.encode(), sym_date.encode(), self.cid.encode()]
        if body:
            parts.append(body)
        parts.append(path.encode())
        if query:
            parts.append(query.encode())
        string_to_sign = b"\n".join(parts) + b"\n"
        signature = base64.b64encode(hmac.new(self.key, string_to_sign, hashlib.sha256).digest()).decode()
        return {"Authorization": signature, "sym-date": sym_date, "Content-MD5": md5,
                "sym-version": "6.3", "Customer-ID": self.cid}

    def call(self, method, relative, body=None):
        """Sends a signed request to /symetry/rest/{cid}/{relative}; returns (status, headers, envelope)."""
        path, _, query = relative.partition("?")
        full_path = f"/symetry/rest/{self.cid}/{path}"
        data = body.encode() if isinstance(body, str) else body
        headers = self.sign(method, full_path, query, data)
        if data:
            headers["Content-Type"] = "application/json"
        url = self.host + full_path + (f"?{query}" if query else "")
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                return answer.status, answer.headers, json.loads(answer.read())
        except urllib.error.HTTPError as refused:
            envelope = json.loads(refused.read() or b"{}")
            raise SmlError(refused.code, envelope) from None

    def values(self, method, relative, body=None):
        return self.call(method, relative, body)[2].get("values", {})

    # --- encrypted bodies (fusion cell lists, cellsStatus answers) ----------------------------
    def encrypt(self, text):
        padder = padding.PKCS7(128).padder()
        padded = padder.update(text.encode()) + padder.finalize()
        encryptor = Cipher(algorithms.AES(self.key), modes.CBC(FIXED_IV)).encryptor()
        return base64.b64encode(encryptor.update(padded) + encryptor.finalize()).decode()

    def decrypt(self, wire):
        decryptor = Cipher(algorithms.AES(self.key), modes.CBC(FIXED_IV)).decryptor()
        padded = decryptor.update(base64.b64decode(wire)) + decryptor.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return (unpadder.update(padded) + unpadder.finalize()).decode()

    # --- the calls of a data person ------------------------------------------------------------
    def create_project(self, pid, persist=False):
        return self.call("POST", f"projects?pid={quote(pid)}&persist={str(persist).lower()}", "{}")

    def learn(self, pid, frame, types=None, batch_rows=10_000):
        """Learns a pandas DataFrame in requests of at most batch_rows rows; returns rows applied."""
        applied = 0
        for start in range(0, len(frame), batch_rows):
            values = self.values("POST", f"projects/{quote(pid)}/learn", data_frame(frame[start:start + batch_rows], types))
            applied += values.get("rowsApplied", 0)
        return applied

    def create_fusion(self, pid, cells, persist=False):
        """cells: dicts with host, cid, sk (the cell owner's key) and pid."""
        body = self.encrypt(json.dumps({"values": cells}))
        return self.call("POST", f"projects/fusion/create?pid={quote(pid)}&persist={str(persist).lower()}", body)

    def build(self, pid, model_id, algo, targets, inputs, poll_seconds=0.2):
        """Builds a model and waits for its job; returns the model's info."""
        context = {"targets": targets, "inputAttributes": inputs}
        _, headers, _ = self.call("POST", f"projects/{quote(pid)}/build?modelid={quote(model_id)}&algo={algo}",
                                  json.dumps(context))
        self.wait(headers["sym-job-id"], poll_seconds)
        return self.values("GET", f"projects/{quote(pid)}/models/{quote(model_id)}")["modelInfo"]

    def wait(self, job_id, poll_seconds=0.2):
        while True:
            status, _, envelope = self.call("GET", f"jobs/{job_id}")
            if status != 202:
                return envelope
            time.sleep(poll_seconds)

    def predict(self, pid, model_id, frame, types=None):
        """Predictions for a pandas DataFrame, as a list of dicts (one per row)."""
        values = self.values("POST", f"projects/{quote(pid)}/predict/{quote(model_id)}", data_frame(frame, types))
        return values["KSVSMap"]["values"]


def data_frame(frame, types=None):
    """The JSON DataFrame of a pandas DataFrame: every value a string; C for numbers, T otherwise."""
    if types is None:
        types = ["C" if kind in "biuf" else "T" for kind in frame.dtypes.map(lambda d: d.kind)]
    return json.dumps({"attributeNames": [str(c) for c in frame.columns], "attributeTypes": types,
                       "data": frame.astype(str).values.tolist()})


def quote(segment):
    return urllib.parse.quote(segment, safe="")
