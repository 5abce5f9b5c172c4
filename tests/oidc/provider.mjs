// The OpenID provider the sign-in tests run against: oidc-provider (an OpenID-certified
// implementation) on loopback, started by tests/http/oidc_sign_in_test.cpp. Nothing here is ours
// but the configuration: test users, two static clients and keys made at start.
//
// Environment: OIDC_PORT (listens on 127.0.0.1), OIDC_REDIRECT_URI and OIDC_POST_LOGOUT_URI (the
// node's), OIDC_CLIENT_SECRET, OIDC_INCOMING_ESI (the ESI of a student a partner nominated).
// Prints "listening <issuer>" when ready.
//
// Clients: mobility-rs (ID tokens signed with RS256) and mobility-es (ES256), both
// client_secret_basic with PKCE required. Users log in through oidc-provider's development
// login form (devInteractions: any password), which the test fills in over HTTP.
//
// POST /test/rotate replaces the signing keys with new ones under new kids, as a provider
// rotating its keys does; the old ones are no longer published.
import { createServer } from 'node:http';
import { generateKeyPairSync, randomUUID } from 'node:crypto';

import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;

const users = {
  per: {
    eduPersonPrincipalName: 'per@fjordland.example',
    eduPersonAffiliation: ['employee', 'staff'],
    given_name: 'Per', family_name: 'Sæther', email: 'per.saether@fjordland.example',
  },
  kari: {
    eduPersonPrincipalName: 'kari@student.fjordland.example',
    eduPersonAffiliation: ['student', 'member'],
    given_name: 'Kari', family_name: 'Nordmann', email: 'kari.nordmann@student.fjordland.example',
  },
  lukas: {
    eduPersonPrincipalName: 'lukas@rheinfeld.example',
    schac_personal_unique_code: [process.env.OIDC_INCOMING_ESI],
    given_name: 'Lukas', family_name: 'Incoming', email: 'lukas.incoming@student.rheinfeld.example',
  },
  stranger: {
    eduPersonPrincipalName: 'stranger@fjordland.example',
    eduPersonAffiliation: ['employee'],
    given_name: 'Sam', family_name: 'Stranger', email: 'sam.stranger@fjordland.example',
  },
};

function signingKeys() {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  return {
    keys: [
      { ...rsa, kid: `rsa-${randomUUID()}`, use: 'sig', alg: 'RS256' },
      { ...ec, kid: `ec-${randomUUID()}`, use: 'sig', alg: 'ES256' },
    ],
  };
}

function client(clientId, alg) {
  return {
    client_id: clientId,
    client_secret: process.env.OIDC_CLIENT_SECRET,
    redirect_uris: [process.env.OIDC_REDIRECT_URI],
    post_logout_redirect_uris: [process.env.OIDC_POST_LOGOUT_URI],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: alg,
  };
}

function provider(jwks) {
  return new Provider(issuer, {
    clients: [client('mobility-rs', 'RS256'), client('mobility-es', 'ES256')],
    jwks,
    cookies: { keys: ['oidc-test-cookies'] },
    pkce: { required: () => true },
    claims: {
      openid: ['sub'],
      email: ['email'],
      profile: ['given_name', 'family_name'],
      feide: ['eduPersonPrincipalName', 'eduPersonAffiliation'],
      schac: ['schac_personal_unique_code'],
    },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    findAccount: async (ctx, id) => (users[id] ? { accountId: id, claims: async () => ({ sub: id, ...users[id] }) } : undefined),
  });
}

let handler = provider(signingKeys()).callback();

createServer((request, response) => {
  if (request.method === 'POST' && request.url === '/test/rotate') {
    handler = provider(signingKeys()).callback();
    response.end('rotated\n');
    return;
  }
  handler(request, response);
}).listen(port, '127.0.0.1', () => console.log(`listening ${issuer}`));
