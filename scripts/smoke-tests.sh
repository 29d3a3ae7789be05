#!/usr/bin/env bash
# Smoke tests against a running EChamado: health, readiness, metrics exposure, OIDC discovery, sign-in page.
#   scripts/smoke-tests.sh BASE_URL          e.g. https://staging.echamado.com or http://echamado-green:80
# Exits non-zero at the first failed check. SMOKE_INSECURE=true accepts self-signed certificates.
set -euo pipefail

base="${1:?usage: $0 BASE_URL}"
base="${base%/}"
case "$base" in http://*|https://*) ;; *) base="https://$base" ;; esac
curl_opts=(--silent --show-error --max-time 10 --retry 3 --retry-delay 2 --retry-connrefused)
if [ "${SMOKE_INSECURE:-false}" = "true" ]; then curl_opts+=(--insecure); fi

failures=0
check() {
  local name="$1" path="$2" expected="$3" status
  status="$(curl "${curl_opts[@]}" --output /dev/null --write-out '%{http_code}' "$base$path" || echo 000)"
  if [ "$status" = "$expected" ]; then
    printf '[smoke] ok    %-32s %s\n' "$name" "$status"
  else
    printf '[smoke] FAIL  %-32s got %s, expected %s (%s)\n' "$name" "$status" "$expected" "$base$path"
    failures=$((failures + 1))
  fi
}

check "health" /health 200
check "liveness" /health/live 200
check "readiness" /health/ready 200
check "OIDC discovery" /.well-known/openid-configuration 200
check "JWKS" /oauth2/jwks 200
check "sign-in page" /login 200
check "API requires a token" /api/v1/me 401

issuer="$(curl "${curl_opts[@]}" "$base/.well-known/openid-configuration" | sed -n 's/.*"issuer" *: *"\([^"]*\)".*/\1/p')"
printf '[smoke] issuer: %s\n' "${issuer:-<none>}"
if [ -z "$issuer" ]; then failures=$((failures + 1)); fi

if [ "$failures" -gt 0 ]; then
  printf '[smoke] %d check(s) failed against %s\n' "$failures" "$base"
  exit 1
fi
printf '[smoke] all checks passed against %s\n' "$base"
