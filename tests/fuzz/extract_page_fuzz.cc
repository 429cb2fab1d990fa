// The page extractor on any bytes: never crashes, stays within its bounds,
// and gives valid UTF-8, absolute links and comments that are not their own
// parent. The first byte picks the page's URL and the transport charset.
#include <array>
#include <string_view>

#include "parsers/parsers.h"
#include "tests/fuzz/fuzz_input.h"

namespace {

using linkgraph::fuzz::CheckStoredText;
using linkgraph::fuzz::Fail;

constexpr std::array<std::string_view, 4> kUrls = {
    "https://blog.example/2009/12/06/a-post/", "http://example.org/?p=12",
    "https://x.blogspot.com/2012/07/post.html", "file:///tmp/saved/page.html"};
constexpr std::array<std::string_view, 5> kCharsets = {"", "utf-8", "windows-1252", "utf-16",
                                                       "euc-jp"};

void CheckPage(const linkgraph::ExtractedPage& page) {
  CheckStoredText("post title", page.post.title);
  CheckStoredText("post author", page.post.author);
  CheckStoredText("post text", page.post.text);
  CheckStoredText("site name", page.post.site_name);
  for (const linkgraph::Comment& comment : page.comments) {
    CheckStoredText("comment author", comment.author);
    CheckStoredText("comment text", comment.text);
    CheckStoredText("comment id", comment.id);
    if (!comment.parent_id.empty() && comment.parent_id == comment.id) {
      Fail("comment is its own parent", comment.id);
    }
  }
  for (const linkgraph::Trackback& trackback : page.trackbacks) {
    CheckStoredText("trackback title", trackback.title);
  }
  for (const linkgraph::Mention& mention : page.mentions) CheckStoredText("mention", mention.handle);
  for (const std::string& link : page.page_links) {
    if (!link.starts_with("http://") && !link.starts_with("https://") &&
        !link.starts_with("file://")) {
      Fail("page link is not absolute", link);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  linkgraph::fuzz::FuzzInput input(data, size);
  const uint8_t choice = input.TakeByte();
  linkgraph::parsers::ExtractOptions options;
  options.transport_charset = std::string(kCharsets[(choice >> 2) % kCharsets.size()]);
  auto page = linkgraph::parsers::ExtractPage(input.Rest(), kUrls[choice % kUrls.size()], options);
  if (page) CheckPage(*page);
  return 0;
}
