#!/usr/bin/env bash
# Restores a backup made by backup.sh into an EMPTY database and media folder.
#   DATABASE_URL=postgres://…/fresh MEDIA_ROOT=/srv/trudovaya/media deploy/restore.sh /srv/backups/20261126T000000Z
set -euo pipefail
source_dir=${1:?usage: restore.sh BACKUP_FOLDER}
: "${DATABASE_URL:?DATABASE_URL must be set}"
( cd "$source_dir" && sha256sum --check --quiet SHA256SUMS )
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" "$source_dir/database.dump"
if [ -f "$source_dir/media.tar.gz" ]; then
    : "${MEDIA_ROOT:?MEDIA_ROOT must be set to restore media}"
    mkdir -p "$MEDIA_ROOT"
    tar --extract --gzip --file="$source_dir/media.tar.gz" --directory="$MEDIA_ROOT"
fi
echo "restored from $source_dir"
