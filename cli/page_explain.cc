#include "cli/page_explain.h"

#include <algorithm>
#include <map>
#include <string_view>

#include "graph/graph.h"
#include "pipeline/pipeline.h"

namespace linkgraph::cli {
namespace {

// "; meetings not read in 12 texts (de): no rules for that language".
std::string NotReadForMeetings(const ExtractedPage& read) {
  std::map<std::string, int> unread;
  auto count = [&](std::string_view text) {
    std::string_view language = graph::TextLanguage(text);
    if (!graph::MeetingRulesRead(language)) ++unread[std::string(language)];
  };
  count(read.post.text);
  for (const Comment& c : read.comments) {
    if (c.kind == "comment") count(c.text);
  }
  if (unread.empty()) return "";
  int texts = 0;
  std::string languages;
  for (const auto& [language, n] : unread) {
    texts += n;
    languages += (languages.empty() ? "" : ", ") + language;
  }
  return "; meetings not read in " + std::to_string(texts) + " texts (" + languages +
         "): no rules for that language";
}

}  // namespace

std::string ExplainPage(const std::string& label, const store::PageToSave& page,
                        const std::string& unchanged_hint) {
  std::string line = label + ": ";
  if (page.fetch.status != "ok") return line + page.fetch.status + " (" + page.fetch.error + ")";
  if (!page.extracted) return line + "unchanged since it was stored (" + unchanged_hint + ")";
  const ExtractedPage& read = *page.extracted;
  line += "platform " +
          (read.platform.empty() ? std::string("unknown (generic reading)") : read.platform);
  if (!read.has_post) {
    const std::string why = pipeline::WhyNothingExtracted(page);
    return line + "; no single post (" +
           (why.empty() ? std::string("a listing, or no post body found") : why) + ")";
  }
  const auto texts = std::count_if(read.comments.begin(), read.comments.end(),
                                   [](const Comment& c) { return c.kind == "comment"; });
  const auto replies =
      std::count_if(read.comments.begin(), read.comments.end(),
                    [](const Comment& c) { return c.kind == "comment" && !c.parent_id.empty(); });
  const size_t reactions = read.comments.size() - static_cast<size_t>(texts);
  line += "; post \"" + read.post.title + "\"";
  if (!read.post.author.empty()) line += " by " + read.post.author;
  if (!read.post.published.empty()) line += " on " + read.post.published;
  line += "; " + std::to_string(texts) + " comments (" + std::to_string(replies) + " replies), ";
  if (reactions > 0) line += std::to_string(reactions) + " likes/reposts/bookmarks, ";
  line += std::to_string(read.trackbacks.size()) + " trackbacks, " +
          std::to_string(read.mentions.size()) + " mentions; comments read as " +
          read.comments_source;
  return line + NotReadForMeetings(read);
}

std::string DescribeSavedPage(const store::PageToSave& page) {
  if (page.fetch.status != "ok") return page.fetch.status;
  if (!page.extracted) return "unchanged, kept as stored";
  if (std::string why = pipeline::WhyNothingExtracted(page); !why.empty()) return why;
  const ExtractedPage& read = *page.extracted;
  const auto comments = std::count_if(read.comments.begin(), read.comments.end(),
                                      [](const Comment& c) { return c.kind == "comment"; });
  auto counted = [](size_t count, const char* what) {
    return std::to_string(count) + " " + what + (count == 1 ? "" : "s");
  };
  return std::string("stored ") + (read.has_post ? "a post, " : "no post, ") +
         counted(static_cast<size_t>(comments), "comment") + ", " +
         counted(read.trackbacks.size(), "trackback") + ", " +
         counted(read.mentions.size(), "mention");
}

}  // namespace linkgraph::cli
