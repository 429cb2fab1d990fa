// JSON-LD (schema.org BlogPosting/Article with Comment items) read from a
// page: the fuzzer's bytes are the script's JSON, inside a page that is
// otherwise an ordinary post. Malformed, deep or cyclic JSON gives no
// comments, never a crash or a blow-up.
#include <string>

#include "parsers/parsers.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  std::string page =
      "<!DOCTYPE html><html><head><title>A post</title>"
      "<script type=\"application/ld+json\">";
  page.append(json);
  page +=
      "</script></head><body><article class=\"post\"><h1>A post</h1>"
      "<div class=\"entry-content\"><p>Text of the post.</p></div></article></body></html>";
  auto extracted = linkgraph::parsers::ExtractPage(page, "https://blog.example/2020/01/post/");
  if (extracted) {
    for (const linkgraph::Comment& comment : extracted->comments) {
      linkgraph::fuzz::CheckStoredText("comment text", comment.text);
      linkgraph::fuzz::CheckStoredText("comment author", comment.author);
    }
  }
  return 0;
}
