// URL canonicalisation is idempotent: the canonical form of a canonical URL
// is itself, and it is an http(s) or file URL without a fragment.
#include <string>

#include "crawler/crawler.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view url(reinterpret_cast<const char*>(data), size);
  const std::optional<std::string> canonical = linkgraph::crawler::CanonicalizeUrl(url);
  if (!canonical) return 0;
  if (!canonical->starts_with("http://") && !canonical->starts_with("https://") &&
      !canonical->starts_with("file://")) {
    linkgraph::fuzz::Fail("canonical scheme", *canonical);
  }
  if (canonical->find('#') != std::string::npos) linkgraph::fuzz::Fail("fragment kept", *canonical);
  const std::optional<std::string> again = linkgraph::crawler::CanonicalizeUrl(*canonical);
  if (!again) linkgraph::fuzz::Fail("canonical URL refused", *canonical);
  if (*again != *canonical) {
    linkgraph::fuzz::Fail("not idempotent", *canonical + " -> " + *again);
  }
  return 0;
}
