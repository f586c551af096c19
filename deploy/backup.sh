#!/usr/bin/env bash
# Backs up the database (pg_dump custom format) and the media folder into one dated folder.
#   deploy/backup.sh /srv/backups            (reads DATABASE_URL and MEDIA_ROOT from the environment)
set -euo pipefail
target_root=${1:?usage: backup.sh TARGET_FOLDER}
: "${DATABASE_URL:?DATABASE_URL must be set}"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
target="$target_root/$stamp"
mkdir -p "$target"
pg_dump --format=custom --no-owner --no-privileges --file="$target/database.dump" "$DATABASE_URL"
if [ -n "${MEDIA_ROOT:-}" ] && [ -d "$MEDIA_ROOT" ]; then
    tar --create --gzip --file="$target/media.tar.gz" --directory="$MEDIA_ROOT" .
fi
( cd "$target" && sha256sum -- * > SHA256SUMS )
echo "$target"
