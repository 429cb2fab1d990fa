#!/usr/bin/env bash
# Fuzzes each target of tests/fuzz/targets.tsv for a bounded time and fails
# on any finding. Usage: tests/fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]
# BUILD_DIR is a build configured with -DLINKGRAPH_FUZZ=ON (clang). SECONDS
# per target: default 30 (LINKGRAPH_FUZZ_SECONDS). Each target starts from
# a scratch copy of its seeds (the repository is never written); a crashing,
# leaking, slow (over 10 s) or oversized (over 2 GB) input is saved as
# BUILD_DIR/fuzz-findings/<target>-crash-...: copy it into
# tests/fuzz/regressions/<target>/ once fixed, where every test run replays it.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(cd "${1:?usage: run.sh BUILD_DIR [SECONDS] [TARGET...]}" && pwd)"
seconds="${2:-${LINKGRAPH_FUZZ_SECONDS:-30}}"
shift $(( $# >= 2 ? 2 : 1 ))
wanted=" $* "

# Copies a seed spec (file, folder, or TABLE.tsv:N) into the scratch corpus.
materialise() {
  local spec="$1" corpus="$2"
  if [[ "$spec" =~ ^(.*\.tsv):([0-9]+)$ ]]; then
    local table="$root/${BASH_REMATCH[1]}" column="${BASH_REMATCH[2]}" n=0
    while IFS= read -r cell; do
      n=$((n + 1))
      printf '%s' "$cell" > "$corpus/table-$(basename "$table" .tsv)-$n"
    done < <(grep -v -e '^#' -e '^$' "$table" | cut -f"$column")
  else
    # Named after their paths: two folders may hold files of one name.
    local file
    while IFS= read -r file; do
      cp "$file" "$corpus/$(printf '%s' "${file#"$root"/}" | tr '/' '_')"
    done < <(find "$root/$spec" -type f)
  fi
}

# Fuzzes one target; its log and any finding go to BUILD_DIR/fuzz-findings.
fuzz_one() {
  local name="$1" seeds="$2"
  local binary="$build/tests/fuzz/linkgraph_fuzz_$name"
  local corpus="$build/fuzz-corpus/$name" log="$build/fuzz-findings/$name.log"
  rm -rf "$corpus" && mkdir -p "$corpus"
  for spec in $seeds; do materialise "$spec" "$corpus"; done
  local extra=()
  [[ -d "$root/tests/fuzz/regressions/$name" ]] && extra+=("$root/tests/fuzz/regressions/$name")
  # Leaks are checked (ASan's LeakSanitizer); -timeout makes an input that
  # takes over 10 s a finding, as it would stall a crawl.
  if "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=262144 -print_final_stats=1 \
      -artifact_prefix="$build/fuzz-findings/$name-" "$corpus" "${extra[@]}" > "$log" 2>&1; then
    echo "fuzz $name: no findings from $(ls "$corpus" | wc -l) inputs;" \
      "$(grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$log" | tr '\n' ' ')"
  else
    echo "fuzz $name: FINDING (see $log)"
    tail -40 "$log"
    touch "$build/fuzz-findings/$name.failed"
  fi
}

mkdir -p "$build/fuzz-findings"
rm -f "$build"/fuzz-findings/*.failed
parallel=$(nproc)
echo "== fuzz: ${seconds} s per target, ${parallel} at a time"
while IFS=$'\t' read -r name seeds; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  [[ "$wanted" != "  " && "$wanted" != *" $name "* ]] && continue
  while (( $(jobs -rp | wc -l) >= parallel )); do wait -n || true; done
  { fuzz_one "$name" "$seeds" || touch "$build/fuzz-findings/$name.failed"; } &
done < "$root/tests/fuzz/targets.tsv"
wait

failed=$(cd "$build/fuzz-findings" && find . -maxdepth 1 -name '*.failed' -printf '%f ' |
  sed 's/\.failed//g')
if [[ -n "$failed" ]]; then
  echo "fuzz: findings in $failed"
  exit 1
fi
echo "fuzz: no findings"
