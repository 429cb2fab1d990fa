#!/usr/bin/env bash
# Rebuilds the folder of gathered real pages (tests/data/corpus-gathered/)
# from snapshots of their public source repositories: each page is read
# from its repository at the commit its manifest names, byte for byte, into
# OUT/pages-dev/. The pages are never part of this repository (their
# licences do not allow it); only the manifests and expectations are.
#
#   scripts/gather-corpus-pages.sh MIRRORS_DIR OUT_DIR
#
# MIRRORS_DIR holds one bare git directory per repository, named
# <owner>+<name>/repo (a snapshot, a clone whose .git is inside, or
# `git clone --mirror` of
# https://github.com/<owner>/<name> into that path). Then:
#   build/bench/linkgraph_dev_corpus_report OUT_DIR tests/data/corpus-gathered
set -euo pipefail
mirrors="${1:?usage: gather-corpus-pages.sh MIRRORS_DIR OUT_DIR}"
out="${2:?usage: gather-corpus-pages.sh MIRRORS_DIR OUT_DIR}"
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$out/pages-dev"
missing=0 written=0
for manifest in "$root"/tests/data/corpus-gathered/MANIFEST-*.tsv; do
  while IFS=$'\t' read -r file repo path commit _; do
    [[ "$file" == file || -z "$file" ]] && continue
    git_dir="$mirrors/${repo/\//+}/repo"
    [[ -d "$git_dir/.git" ]] && git_dir="$git_dir/.git"
    if ! git --git-dir="$git_dir" show "$commit:$path" > "$out/pages-dev/$file" 2>/dev/null; then
      echo "missing: $file ($repo at ${commit:0:12}: $path)" >&2
      rm -f "$out/pages-dev/$file"
      missing=$((missing + 1))
      continue
    fi
    written=$((written + 1))
  done < "$manifest"
done
echo "gathered $written pages into $out/pages-dev; $missing missing"
