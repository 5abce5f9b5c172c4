#!/usr/bin/node
// Independent HTTP-signature oracle for EWP, built on Debian's node-http-signature.
//
// Usage:
//   httpsig_oracle.js sign METHOD TARGET HOST PRIVATE_KEY_PEM KEY_ID BODY_FILE [CONTENT_TYPE]
//   httpsig_oracle.js sign-headers METHOD TARGET HEADERS_FILE PRIVATE_KEY_PEM KEY_ID NAMES [authorization|signature]
//   httpsig_oracle.js verify-request METHOD TARGET HEADERS_FILE BODY_FILE PUBLIC_KEY_PEM [CLOCK_SKEW_SECONDS]
//   httpsig_oracle.js verify-response METHOD TARGET HEADERS_FILE BODY_FILE PUBLIC_KEY_PEM [CLOCK_SKEW_SECONDS]
// Same contract as httpsig_oracle.py: "Name: value" header lines, repeated headers joined with
// ", ", exit 0 valid, 1 not valid (reason on standard error), 2 usage. Unlike the Python library,
// this one refuses a Date (or X-Date) further than CLOCK_SKEW_SECONDS (default 300) from now.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
// Debian installs Node modules in /usr/share/nodejs; a Node.js from elsewhere does not look there.
process.env.NODE_PATH = ['/usr/share/nodejs', process.env.NODE_PATH].filter(Boolean).join(':');
require('module').Module._initPaths();
const httpSignature = require('http-signature');

function readHeaders(path) {
  const headers = {};
  for (const line of fs.readFileSync(path, 'latin1').split(/\r?\n/)) {
    if (!line) continue;
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? headers[name] + ', ' + value : value;
  }
  return headers;
}

function sha256Digest(body) {
  return 'SHA-256=' + crypto.createHash('sha256').update(body).digest('base64');
}

function digestMatches(headers, body) {
  const wanted = sha256Digest(body).slice(8);
  return (headers.digest || '').split(',').map((entry) => entry.trim())
    .some((entry) => entry.toLowerCase().startsWith('sha-256=') && entry.slice(8) === wanted);
}

function sign([method, target, host, keyPath, keyId, bodyPath, contentType]) {
  const body = fs.readFileSync(bodyPath);
  const headers = {
    'Host': host,
    'Date': new Date().toUTCString(),
    'Digest': sha256Digest(body),
    'X-Request-Id': crypto.randomUUID(),
    'Accept-Signature': 'rsa-sha256',
  };
  if (contentType) headers['Content-Type'] = contentType;
  // The library signs a request object; this one only records the headers it sets.
  const request = {
    method, path: target,
    getHeader: (name) => headers[Object.keys(headers).find((key) => key.toLowerCase() === name.toLowerCase())],
    setHeader: (name, value) => { headers[name] = value; },
  };
  const names = ['(request-target)', 'host', 'date', 'digest', 'x-request-id', 'accept-signature'];
  if (contentType) names.push('content-type');
  httpSignature.sign(request, {
    key: fs.readFileSync(keyPath, 'utf8'), keyId, algorithm: 'rsa-sha256', headers: names,
  });
  for (const [name, value] of Object.entries(headers)) console.log(`${name}: ${value}`);
  return 0;
}

function signHeaders([method, target, headersPath, keyPath, keyId, names, signHeader = 'authorization']) {
  const headers = readHeaders(headersPath);
  const request = {
    method, path: target,
    getHeader: (name) => headers[name.toLowerCase()],
    setHeader: (name, value) => { headers[name.toLowerCase()] = value; },
  };
  httpSignature.sign(request, {
    key: fs.readFileSync(keyPath, 'utf8'), keyId, algorithm: 'rsa-sha256', headers: names.split(' '),
    authorizationHeaderName: signHeader,
  });
  const label = signHeader === 'signature' ? 'Signature' : 'Authorization';
  console.log(`${label}: ${headers[signHeader]}`);
  return 0;
}

function verify(kind, [method, target, headersPath, bodyPath, keyPath, clockSkew = '300']) {
  const headers = readHeaders(headersPath);
  const body = fs.readFileSync(bodyPath);
  const name = kind === 'verify-request' ? 'authorization' : 'signature';
  if (!(name in headers)) {
    console.error(`no ${name} header`);
    return 1;
  }
  const request = { method, url: target, httpVersion: '1.1', headers: Object.assign({}, headers) };
  if (kind === 'verify-response') delete request.headers.authorization;
  const parsed = httpSignature.parseRequest(request, { authorizationHeaderName: name, clockSkew: Number(clockSkew) });
  if (!httpSignature.verifySignature(parsed, fs.readFileSync(keyPath, 'utf8'))) {
    console.error('signature does not verify');
    return 1;
  }
  if (!digestMatches(headers, body)) {
    console.error('SHA-256 Digest does not match the body');
    return 1;
  }
  return 0;
}

function main(argv) {
  try {
    if (argv[0] === 'sign' && argv.length >= 7) return sign(argv.slice(1));
    if (argv[0] === 'sign-headers' && (argv.length === 7 || ['authorization', 'signature'].includes(argv[7]))) {
      return signHeaders(argv.slice(1));
    }
    if ((argv[0] === 'verify-request' || argv[0] === 'verify-response') && (argv.length === 6 || argv.length === 7)) {
      return verify(argv[0], argv.slice(1));
    }
  } catch (error) {
    console.error(error.message);
    return 1;
  }
  console.error('usage: see the comment at the top of httpsig_oracle.js');
  return 2;
}

process.exit(main(process.argv.slice(2)));
