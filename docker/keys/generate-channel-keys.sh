#!/usr/bin/env bash
# This deployment's RSA key pairs for the payment channel (PKCS#8 private, X.509 public PEM):
#   channel-*.pem  the channel signs callbacks, statements and status answers; the platform verifies them
#   merchant-*.pem the platform and workers sign payout/withholding requests; the channel verifies them
# With the sandbox channel both pairs are ours; with a real channel, channel-public.pem is the channel's and
# merchant-public.pem is what you register with it. The keys bundled in the jar are public and refused in production.
# Usage: docker/keys/generate-channel-keys.sh [output-dir]   (default docker/keys)
set -euo pipefail
out="${1:-docker/keys}"
mkdir -p "$out"
for pair in channel merchant; do
  [ -e "$out/$pair-private.pem" ] && { echo "$out/$pair-private.pem exists; not overwriting a key" >&2; exit 1; }
done
umask 077
for pair in channel merchant; do
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$out/$pair-private.pem" 2>/dev/null
  openssl pkey -in "$out/$pair-private.pem" -pubout -out "$out/$pair-public.pem"
  chmod 600 "$out/$pair-private.pem"
  chmod 644 "$out/$pair-public.pem"
done
echo "wrote $out/{channel,merchant}-{private,public}.pem"
