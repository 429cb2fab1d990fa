#!/usr/bin/env bash
# Installs the Debian packages linkgraph builds and tests with. Idempotent: when
# every package is already present it changes nothing and touches no network.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libcurl4-openssl-dev   # fetching (crawler/)
  libgumbo-dev           # HTML5 parsing (parsers/)
  libre2-dev             # mentions and date patterns (parsers/)
  libsqlite3-dev         # the store (store/)
  libpq-dev              # the store's PostgreSQL backend (store/)
  postgresql             # the tests start a private PostgreSQL server (scripts/pg-test-server.sh)
  libboost-test-dev      # the test suite
  libboost-dev           # Boost.Beast/Asio headers: the tests' loopback HTTP server
  zlib1g-dev             # gzip bodies served by the tests' HTTP server
  nlohmann-json3-dev     # JSON export and reports: correct escaping without hand-rolled code
  libcli11-dev           # the command line: subcommands, --help, usage errors
  libtomlplusplus-dev    # --config files: a real TOML parser whose errors carry line and column
  liburiparser-dev       # RFC 3986 reference resolution and normalisation for links
  libxxhash-dev          # page fingerprints: a 50 KB body hashed in microseconds, not tens of them
  libpsl-dev             # public suffix list: --scope site tells blog.example.co.uk and example.co.uk are one site
  libgraphviz-dev        # svg drawings of the graph (reports/)
  libxlsxwriter-dev      # export --format xlsx: a workbook whose text cells never run as formulas
  graphviz               # the dot program: the export tests check that DOT output lays out
  python3-networkx       # the export tests load GraphML/GEXF as Gephi users' tools would
  python3-pandas         # the table export test reads the CSV folder as pandas users do
  python3-openpyxl       # the table export test reads the xlsx workbook back, cell types included
  chromium               # the html_viewer test opens the HTML export headless: it draws, offline
  clang-14               # the fuzz targets (tests/fuzz/): libFuzzer is clang's
  groff-base             # the install test renders the manual page (dist/linkgraph.1) and checks for warnings
  dpkg-dev               # dpkg-shlibdeps: the .deb's Depends (cpack -G DEB), built by the install test
  libclang-rt-14-dev     # libFuzzer and the sanitizer runtimes for clang
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}; run as root or install them first" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
