#!/usr/bin/env bash
# Create the development secrets used by deploy/compose/docker-compose.dev.yml (git-ignored):
# a random database password and an RSA signing key. Existing files are kept.
set -euo pipefail

dir="$(cd "$(dirname "$0")/.." && pwd)/deploy/compose/secrets/dev"
mkdir -p "$dir"
umask 077
if [ ! -f "$dir/db_password" ]; then
  openssl rand -hex 24 > "$dir/db_password"
  echo "created $dir/db_password"
fi
if [ ! -f "$dir/jwt_signing_key.pem" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/jwt_signing_key.pem" 2> /dev/null
  echo "created $dir/jwt_signing_key.pem"
fi
