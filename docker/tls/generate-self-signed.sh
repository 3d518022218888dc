#!/usr/bin/env bash
# A self-signed certificate for trying the production profile locally (never for real traffic).
# Usage: docker/tls/generate-self-signed.sh [output-dir]   (default ./var/tls)
set -euo pipefail
out="${1:-./var/tls}"
mkdir -p "$out"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 365 \
  -subj "/CN=localhost/O=Loanflow (self-signed)" \
  -addext "subjectAltName=DNS:localhost,DNS:platform,IP:127.0.0.1" \
  -keyout "$out/platform.key" -out "$out/platform.crt" 2>/dev/null
chmod 600 "$out/platform.key"
echo "wrote $out/platform.crt and $out/platform.key"
