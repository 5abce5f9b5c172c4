#!/bin/bash
# Checks the two HTTP-signature oracles (httpsig_oracle.py, httpsig_oracle.js) before anyone trusts
# them to judge our implementation.
#
# Usage:
#   oracle_selfcheck.sh known-answers SHARED_DIR
#       each oracle reproduces the draft-cavage signatures of SHARED_DIR/test-vectors/README.md byte
#       for byte, verifies them, and refuses them once the target, the body or the key is changed
#   oracle_selfcheck.sh cross
#       requests and responses signed by one library (a fresh 2048-bit key) verify with the other,
#       and stop verifying once the target or the body is changed
# Prints one line per check; exit status 0 all passed, 1 some failed, 2 usage.
set -u
here=$(cd "$(dirname "$0")" && pwd)
oracles=("$here/httpsig_oracle.py" "$here/httpsig_oracle.js")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# expect STATUS DESCRIPTION COMMAND...: runs COMMAND and compares its exit status.
expect() {
  local wanted=$1 description=$2
  shift 2
  "$@" >"$work/out" 2>"$work/err"
  local status=$?
  if [ "$status" -eq "$wanted" ]; then
    echo "ok    $description"
  else
    echo "FAIL  $description: exit $status, wanted $wanted; $(head -c 300 "$work/err")"
    failures=$((failures + 1))
  fi
}

# same TEXT1 TEXT2 DESCRIPTION: compares two strings.
same() {
  if [ "$1" = "$2" ]; then
    echo "ok    $3"
  else
    echo "FAIL  $3: got '$1', wanted '$2'"
    failures=$((failures + 1))
  fi
}

signature_param() { sed -n 's/.*signature="\([^"]*\)".*/\1/p' "$work/out"; }
name_of() { basename "$1" | sed 's/httpsig_oracle\.py/python3-httpsig/; s/httpsig_oracle\.js/node-http-signature/'; }
now() { LC_ALL=C date -u '+%a, %d %b %Y %H:%M:%S GMT'; }
digest_of() { echo "SHA-256=$(openssl dgst -sha256 -binary "$1" | base64 -w0)"; }

# with_known_authorization NAMES SIGNATURE: the known request plus its Authorization header, in $work/signed.
with_known_authorization() {
  cp "$work/headers" "$work/signed"
  echo "Authorization: Signature keyId=\"Test\",algorithm=\"rsa-sha256\",headers=\"$1\",signature=\"$2\"" >>"$work/signed"
}

known_answers() {
  local vectors=$1/test-vectors target='/foo?param=value&pet=dog' since_2014=$((60 * 60 * 24 * 365 * 30))
  local private=$vectors/draft-cavage-test-key.priv.pem public=$vectors/draft-cavage-test-key.pub.pem
  if [ ! -r "$private" ] || [ ! -r "$public" ]; then
    echo "no draft-cavage test key in $vectors" >&2
    return 2
  fi
  printf '{"hello": "world"}' >"$work/body"
  printf '%s\n' 'Host: example.com' 'Date: Sun, 05 Jan 2014 21:31:40 GMT' 'Content-Type: application/json' \
    'Digest: SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=' 'Content-Length: 18' >"$work/headers"
  declare -A known=(
    ['date']='SjWJWbWN7i0wzBvtPl8rbASWz5xQW6mcJmn+ibttBqtifLN7Sazz6m79cNfwwb8DMJ5cou1s7uEGKKCs+FLEEaDV5lp7q25WqS+lavg7T8hc0GppauB6hbgEKTwblDHYGEtbGmtdHgVCk9SuS13F0hZ8FD0k/5OxEPXe5WozsbM='
    ['(request-target) host date']='qdx+H7PHHDZgy4y/Ahn9Tny9V3GP6YgBPyUXMmoxWtLbHpUnXS2mg2+SbrQDMCJypxBLSPQR2aAjn7ndmw2iicw3HMbe8VfEdKFYRqzic+efkb3nndiv/x1xSHDJWeSWkx3ButlYSuBskLu6kd9Fswtemr3lgdDEmn04swr2Os0='
    ['(request-target) host date content-type digest content-length']='vSdrb+dS3EceC9bcwHSo4MlyKS59iFIrhgYkz8+oVLEEzmYZZvRs8rgOp+63LEM3v+MFHB32NfpB2bEKBIvB1q52LaEUHFv120V01IL+TAD48XaERZFukWgHoBTLMhYS2Gb51gWxpeIq8knRmPnYePbF5MOkR0Zkly4zKH7s1dE='
  )
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 2>/dev/null | openssl pkey -pubout >"$work/other.pub.pem"
  for oracle in "${oracles[@]}"; do
    local library skew=()
    library=$(name_of "$oracle")
    [ "${oracle##*.}" = js ] && skew=("$since_2014")  # only the Node library looks at Date
    for names in "${!known[@]}"; do
      expect 0 "$library signs over '$names'" "$oracle" sign-headers POST "$target" "$work/headers" "$private" Test "$names"
      same "$(signature_param)" "${known[$names]}" "$library reproduces the known signature over '$names'"
      with_known_authorization "$names" "${known[$names]}"
      expect 0 "$library verifies the known signature over '$names'" \
        "$oracle" verify-request POST "$target" "$work/signed" "$work/body" "$public" "${skew[@]}"
    done
    local all='(request-target) host date content-type digest content-length'
    with_known_authorization "$all" "${known[$all]}"
    expect 1 "$library refuses a changed target" \
      "$oracle" verify-request POST '/foo?param=value&pet=cat' "$work/signed" "$work/body" "$public" "${skew[@]}"
    expect 1 "$library refuses a changed method" \
      "$oracle" verify-request PUT "$target" "$work/signed" "$work/body" "$public" "${skew[@]}"
    printf '{"hello": "World"}' >"$work/other-body"
    expect 1 "$library refuses a body that does not match the Digest" \
      "$oracle" verify-request POST "$target" "$work/signed" "$work/other-body" "$public" "${skew[@]}"
    expect 1 "$library refuses another key" \
      "$oracle" verify-request POST "$target" "$work/signed" "$work/body" "$work/other.pub.pem" "${skew[@]}"
  done
  expect 1 "node-http-signature refuses the 2014 Date with its default clock skew" \
    "${oracles[1]}" verify-request POST "$target" "$work/signed" "$work/body" "$public"
}

cross() {
  local target='/ewp/echo?echo=a&echo=b%20c' form='echo=d'
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/key.pem" 2>/dev/null
  openssl pkey -in "$work/key.pem" -pubout -out "$work/public.pem"
  printf '%s' "$form" >"$work/body"
  printf '<echo-response/>' >"$work/response-body"
  for signer in "${oracles[@]}"; do
    local by
    by=$(name_of "$signer")
    expect 0 "$by signs an EWP request" "$signer" sign POST "$target" localhost:8443 "$work/key.pem" client-key \
      "$work/body" application/x-www-form-urlencoded
    cp "$work/out" "$work/request-$by"
    printf '%s\n' "Date: $(now)" "Digest: $(digest_of "$work/response-body")" 'X-Request-Id: 2a4e1b8c-0d4f-4e6a-9c1b-3f5e7d9a0b2c' \
      'Content-Type: text/xml' >"$work/response-$by"
    expect 0 "$by signs an EWP response" "$signer" sign-headers POST "$target" "$work/response-$by" "$work/key.pem" \
      server-key '(request-target) date digest x-request-id' signature
    cat "$work/out" >>"$work/response-$by"
  done
  for signer in "${oracles[@]}"; do
    for verifier in "${oracles[@]}"; do
      local by with
      by=$(name_of "$signer")
      with=$(name_of "$verifier")
      expect 0 "request signed by $by verifies with $with" \
        "$verifier" verify-request POST "$target" "$work/request-$by" "$work/body" "$work/public.pem"
      expect 1 "request signed by $by, target changed, fails with $with" \
        "$verifier" verify-request POST '/ewp/echo?echo=a' "$work/request-$by" "$work/body" "$work/public.pem"
      expect 0 "response signed by $by verifies with $with" \
        "$verifier" verify-response POST "$target" "$work/response-$by" "$work/response-body" "$work/public.pem"
      expect 1 "response signed by $by, body changed, fails with $with" \
        "$verifier" verify-response POST "$target" "$work/response-$by" "$work/body" "$work/public.pem"
    done
  done
}

case "${1:-} $#" in
  "known-answers 2") known_answers "$2" || exit $? ;;
  "cross 1") cross ;;
  *) sed -n '5,12p' "$0" >&2; exit 2 ;;
esac
[ "$failures" -eq 0 ] || { echo "$failures check(s) failed"; exit 1; }
