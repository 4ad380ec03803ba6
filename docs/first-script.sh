#!/bin/sh
# Your first Hearth script: who you are, what your first household's balances are, and
# its five latest expenses. Make a token under Account → Personal access tokens, then:
#   HEARTH_URL=http://localhost:5173 HEARTH_TOKEN=hearth_pat_… sh docs/first-script.sh
# Needs curl and jq.
set -eu
api() { curl -fsS "$HEARTH_URL/api/v1$1" -H "Authorization: Bearer $HEARTH_TOKEN"; }

api /me | jq -r '"Hello, \(.displayName)."'
HID=$(api /me | jq -r '.households[0].id')
echo "Balances (minor units; positive = is owed):"
api "/households/$HID/balances" | jq -r '.balances[] | "  \(.memberId): \(.netMinor)"'
echo "Latest expenses:"
api "/households/$HID/expenses?limit=5" | jq -r '.items[] | "  \(.spentOn)  \(.description)  \(.amountMinor)"'
