#!/usr/bin/python3
"""Independent HTTP-signature oracle for EWP, built on Debian's python3-httpsig.

Usage:
  httpsig_oracle.py sign METHOD TARGET HOST PRIVATE_KEY_PEM KEY_ID BODY_FILE [CONTENT_TYPE]
      prints the headers of an EWP request (one "Name: value" per line), signed with rsa-sha256
      over (request-target) host date digest x-request-id accept-signature [content-type]
  httpsig_oracle.py send METHOD URL HOST PRIVATE_KEY_PEM KEY_ID BODY_FILE RESPONSE_BODY_FILE [CONTENT_TYPE [CA_FILE]]
      signs like sign (TARGET = the URL's path and query, Host: HOST) and sends the request with
      urllib (https verified, with CA_FILE if given); prints "Status: NNN" and the response headers,
      writes the response body to RESPONSE_BODY_FILE; exit 1 only when no answer came
  httpsig_oracle.py sign-headers METHOD TARGET HEADERS_FILE PRIVATE_KEY_PEM KEY_ID NAMES [authorization|signature]
      signs the headers in HEADERS_FILE as they are, over the space-separated NAMES (in that order),
      and prints the one header carrying the signature: "Authorization: Signature keyId=..." (the
      default) or, for a response, "Signature: keyId=..."
  httpsig_oracle.py verify-request METHOD TARGET HEADERS_FILE BODY_FILE PUBLIC_KEY_PEM
      checks the Authorization: Signature header and the SHA-256 Digest of a request
  httpsig_oracle.py verify-response METHOD TARGET HEADERS_FILE BODY_FILE PUBLIC_KEY_PEM
      checks the Signature header of a response ((request-target) from the request) and its Digest
HEADERS_FILE holds "Name: value" lines; repeated headers are joined with ", ".
Exit status: 0 valid (or signed), 1 not valid or the library refused (the reason on standard error),
2 usage. python3-httpsig does not look at Date: freshness is not checked here.
"""
import base64
import email.utils
import hashlib
import ssl
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid

from httpsig import HeaderSigner, HeaderVerifier


def read_headers(path):
    headers = {}
    with open(path, encoding="latin-1") as lines:
        for line in lines:
            line = line.rstrip("\r\n")
            if not line:
                continue
            name, _, value = line.partition(":")
            key = name.strip().lower()
            value = value.strip()
            headers[key] = headers[key] + ", " + value if key in headers else value
    return headers


def read_body(path):
    with open(path, "rb") as body:
        return body.read()


def sha256_digest(body):
    return "SHA-256=" + base64.b64encode(hashlib.sha256(body).digest()).decode()


def digest_matches(headers, body):
    entries = [entry.strip() for entry in headers.get("digest", "").split(",")]
    return any(entry.lower().startswith("sha-256=") and entry[8:] == sha256_digest(body)[8:] for entry in entries)


def signed_request_headers(method, target, host, key_path, key_id, body, content_type=None):
    headers = {
        "Host": host,
        "Date": email.utils.formatdate(usegmt=True),
        "Digest": sha256_digest(body),
        "X-Request-Id": str(uuid.uuid4()),
        "Accept-Signature": "rsa-sha256",
    }
    if content_type:
        headers["Content-Type"] = content_type
    names = ["(request-target)", "host", "date", "digest", "x-request-id", "accept-signature"]
    if content_type:
        names.append("content-type")
    with open(key_path, "rb") as key:
        signer = HeaderSigner(key_id, key.read(), algorithm="rsa-sha256", headers=names)
    return signer.sign(headers, host=host, method=method, path=target)


def sign(method, target, host, key_path, key_id, body_path, content_type=None):
    for name, value in signed_request_headers(method, target, host, key_path, key_id, read_body(body_path),
                                              content_type).items():
        print(f"{name}: {value}")
    return 0


def send(method, url, host, key_path, key_id, body_path, response_body_path, content_type=None, ca_file=None):
    body = read_body(body_path)
    parts = urllib.parse.urlsplit(url)
    target = parts.path + ("?" + parts.query if parts.query else "")
    headers = signed_request_headers(method, target, host, key_path, key_id, body, content_type)
    request = urllib.request.Request(url, data=body if body or method not in ("GET", "HEAD") else None,
                                     headers=dict(headers), method=method)
    context = ssl.create_default_context(cafile=ca_file) if ca_file else None
    try:
        response = urllib.request.urlopen(request, context=context)
    except urllib.error.HTTPError as error:  # 4xx and 5xx answers are answers too
        response = error
    except (urllib.error.URLError, OSError) as error:
        print(f"no answer from {url}: {error}", file=sys.stderr)
        return 1
    with response, open(response_body_path, "wb") as response_body:
        response_body.write(response.read())
    print(f"Status: {response.status}")
    for name, value in response.headers.items():
        print(f"{name}: {value}")
    return 0


def sign_headers(method, target, headers_path, key_path, key_id, names, sign_header="authorization"):
    if sign_header not in ("authorization", "signature"):
        print(__doc__, file=sys.stderr)
        return 2
    headers = read_headers(headers_path)
    with open(key_path, "rb") as key:
        signer = HeaderSigner(key_id, key.read(), algorithm="rsa-sha256", headers=names.split(" "),
                              sign_header=sign_header)
    signed = signer.sign(headers, host=headers.get("host"), method=method, path=target)
    print(f"{sign_header.capitalize()}: {signed[sign_header]}")
    return 0


def verify(kind, method, target, headers_path, body_path, key_path):
    headers = read_headers(headers_path)
    body = read_body(body_path)
    with open(key_path, "rb") as key:
        public_key = key.read()
    sign_header = "authorization" if kind == "verify-request" else "signature"
    if sign_header not in headers:
        print(f"no {sign_header} header", file=sys.stderr)
        return 1
    verifier = HeaderVerifier(headers, public_key, method=method, path=target, host=headers.get("host"),
                              sign_header=sign_header)
    if not verifier.verify():
        print("signature does not verify", file=sys.stderr)
        return 1
    if not digest_matches(headers, body):
        print("SHA-256 Digest does not match the body", file=sys.stderr)
        return 1
    return 0


def main(argv):
    if len(argv) in (8, 9) and argv[1] == "sign":
        return sign(*argv[2:9])
    if 9 <= len(argv) <= 11 and argv[1] == "send":
        return send(*argv[2:11])
    if len(argv) in (8, 9) and argv[1] == "sign-headers":
        return sign_headers(*argv[2:9])
    if len(argv) == 7 and argv[1] in ("verify-request", "verify-response"):
        return verify(*argv[1:7])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except Exception as error:  # the library raises on missing headers, bad keys, non-ASCII values
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
