// The who-met-whom sentence reader: any text, in a post or a comment, with
// or without known names, gives statements whose evidence is part of the
// text's sentences and valid UTF-8.
#include <string>

#include "graph/interactions.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  linkgraph::fuzz::FuzzInput input(data, size);
  const uint8_t choice = input.TakeByte();
  linkgraph::graph::TextContext context;
  context.in_comment = (choice & 1) != 0;
  if (choice & 2) context.date = "2009-12-06T22:10:00";
  if (choice & 4) context.known_names = {"Dave Martin", "Lara", "Margo Rose"};
  const std::string_view text = input.Rest();
  // Texts reach the reader from the parsers, always valid UTF-8; from other
  // bytes only the absence of a crash is asked.
  const bool valid_text = linkgraph::IsValidUtf8(text);
  for (const auto& statement : linkgraph::graph::FindInteractions(text, context)) {
    if (valid_text) linkgraph::fuzz::CheckUtf8("evidence", statement.evidence);
    if (statement.evidence.empty()) linkgraph::fuzz::Fail("statement", "no evidence");
  }
  return 0;
}
