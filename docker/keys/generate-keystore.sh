#!/usr/bin/env bash
# A PKCS#12 keystore holding the AES-256 master key, for deployments without an HSM (the mysql profile prefers
# PKCS#11: LOANFLOW_MASTER_KEY_TYPE=pkcs11 with LOANFLOW_HSM_LIBRARY/SLOT/PIN). Keep the file and its password
# apart from the database and its backups.
# Usage: LOANFLOW_KEYSTORE_PASSWORD=... docker/keys/generate-keystore.sh [file]   (default docker/keys/master.p12)
set -euo pipefail
file="${1:-docker/keys/master.p12}"
: "${LOANFLOW_KEYSTORE_PASSWORD:?set LOANFLOW_KEYSTORE_PASSWORD}"
[ -e "$file" ] && { echo "$file exists; not overwriting a master key" >&2; exit 1; }
keytool -genseckey -alias loanflow-master -keyalg AES -keysize 256 -storetype PKCS12 -keystore "$file" \
  -storepass "$LOANFLOW_KEYSTORE_PASSWORD" -keypass "$LOANFLOW_KEYSTORE_PASSWORD"
chmod 600 "$file"
echo "wrote $file (alias loanflow-master)"
