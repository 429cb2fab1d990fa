// WordPress REST comments: any JSON (or not) gives comments of the post
// with valid UTF-8, or a refusal; the next page, when set, is the same
// endpoint.
#include <string>

#include "parsers/parsers.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  constexpr std::string_view kUrl = "https://blog.example/wp-json/wp/v2/comments?post=7&page=2";
  std::string next;
  auto page = linkgraph::parsers::ExtractRestComments(json, kUrl,
                                                      "https://blog.example/2020/01/post/", &next);
  if (!page) return 0;
  for (const linkgraph::Comment& comment : page->comments) {
    linkgraph::fuzz::CheckStoredText("comment text", comment.text);
    linkgraph::fuzz::CheckStoredText("comment author", comment.author);
    if (!comment.parent_id.empty() && comment.parent_id == comment.id) {
      linkgraph::fuzz::Fail("comment is its own parent", comment.id);
    }
  }
  if (!next.empty() && !next.starts_with("https://blog.example/wp-json/wp/v2/comments?")) {
    linkgraph::fuzz::Fail("next page elsewhere", next);
  }
  return 0;
}
