#include "crawler/robots.h"

#include <algorithm>
#include <initializer_list>

#include "common/ascii.h"
#include "crawler/url_util.h"

namespace linkgraph::crawler {
namespace {

enum class Field { kUnknown, kUserAgent, kAllow, kDisallow, kCrawlDelay, kSitemap };

bool IsOneOf(std::string_view key, std::initializer_list<std::string_view> names) {
  return std::any_of(names.begin(), names.end(),
                     [key](std::string_view name) { return EqualsIgnoreCase(key, name); });
}

// Google's parser accepts these spellings too; sites do write them.
Field FieldOf(std::string_view key) {
  if (IsOneOf(key, {"user-agent", "useragent", "user agent"})) return Field::kUserAgent;
  if (IsOneOf(key, {"allow"})) return Field::kAllow;
  if (IsOneOf(key, {"disallow", "dissallow", "dissalow", "disalow", "diasllow", "disallaw"})) {
    return Field::kDisallow;
  }
  if (IsOneOf(key, {"crawl-delay", "crawldelay", "crawl delay"})) return Field::kCrawlDelay;
  if (IsOneOf(key, {"sitemap", "site-map"})) return Field::kSitemap;
  return Field::kUnknown;
}

bool IsAgentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
}

// "linkgraph/0.1 (+https://...)" -> "linkgraph": the product token is the
// leading run of [A-Za-z_-] (RFC 9309 §2.2.1).
std::string_view ProductToken(std::string_view agent) {
  agent = TrimAscii(agent);
  size_t end = 0;
  while (end < agent.size() && IsAgentChar(agent[end])) ++end;
  return agent.substr(0, end);
}

// One spelling per URL for comparison (RFC 9309 §2.2.2): %xx of unreserved
// characters decoded, other escapes in upper case, bytes outside printable
// ASCII escaped. Rules and paths go through the same function.
std::string NormalizeForMatch(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '%' && i + 2 < text.size() && HexDigitValue(text[i + 1]) >= 0 &&
        HexDigitValue(text[i + 2]) >= 0) {
      const auto decoded =
          static_cast<unsigned char>(HexDigitValue(text[i + 1]) * 16 + HexDigitValue(text[i + 2]));
      if (IsUnreservedUrlChar(static_cast<char>(decoded))) {
        out.push_back(static_cast<char>(decoded));
      } else {
        AppendPercentEscape(decoded, &out);
      }
      i += 2;
    } else if (byte <= 0x20 || byte >= 0x7F) {
      AppendPercentEscape(byte, &out);
    } else {
      out.push_back(static_cast<char>(byte));
    }
  }
  return out;
}

// Whether pattern matches path from its start: `*` matches any run, a final
// `$` anchors the end, otherwise a prefix match. Each literal run between
// stars is placed at its leftmost occurrence after the previous one, which
// is enough for `*`-only globs and never backtracks.
bool Matches(std::string_view path, std::string_view pattern) {
  const bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  size_t star = pattern.find('*');
  if (star == std::string_view::npos) {
    return anchored ? path == pattern : path.starts_with(pattern);
  }
  if (!path.starts_with(pattern.substr(0, star))) return false;
  size_t pos = star;
  std::string_view rest = pattern.substr(star + 1);
  while ((star = rest.find('*')) != std::string_view::npos) {
    const std::string_view run = rest.substr(0, star);
    rest.remove_prefix(star + 1);
    if (run.empty()) continue;
    const size_t at = path.find(run, pos);
    if (at == std::string_view::npos) return false;
    pos = at + run.size();
  }
  if (!anchored) return path.find(rest, pos) != std::string_view::npos;
  return path.size() - pos >= rest.size() && path.ends_with(rest);
}

// "10", "0.5", ".5" -> seconds; anything else (signs, exponents, words) -> none.
std::optional<double> ParseCrawlDelay(std::string_view text) {
  double seconds = 0;
  double scale = 0;  // 0 while in the integer part
  bool any_digit = false;
  for (char c : text) {
    if (c == '.' && scale == 0) {
      scale = 1;
    } else if (c >= '0' && c <= '9') {
      any_digit = true;
      if (scale == 0) {
        seconds = std::min(seconds * 10 + (c - '0'), 1e9);
      } else {
        scale /= 10;
        seconds += (c - '0') * scale;
      }
    } else {
      return std::nullopt;
    }
  }
  if (!any_digit) return std::nullopt;
  return std::min(seconds, RobotsRules::kMaxCrawlDelaySeconds);
}

struct Line {
  Field field = Field::kUnknown;
  std::string_view value;
};

// "Field: value # comment" -> {field, "value"}; Google's parser also takes a
// single space for the colon ("Disallow /a").
Line ParseLine(std::string_view line) {
  line = TrimAscii(line.substr(0, line.find('#')));
  size_t split = line.find(':');
  if (split == std::string_view::npos) {
    split = std::min(line.find(' '), line.find('\t'));
    if (split == std::string_view::npos) return {};
    const std::string_view value = TrimAscii(line.substr(split + 1));
    if (value.find_first_of(" \t") != std::string_view::npos) return {};
  }
  return {FieldOf(TrimAscii(line.substr(0, split))), TrimAscii(line.substr(split + 1))};
}

// The rules and delay gathered for one kind of group (ours or "*").
struct Group {
  bool named = false;
  std::vector<std::pair<std::string, bool>> rules;  // {raw pattern, allow}
  std::optional<double> crawl_delay;

  void Add(const Line& line) {
    if (line.field == Field::kCrawlDelay) {
      if (auto delay = ParseCrawlDelay(line.value)) {
        crawl_delay = std::max(crawl_delay.value_or(0.0), *delay);
      }
    } else if (!line.value.empty() && rules.size() < RobotsRules::kMaxRules) {
      // An empty value allows everything (RFC 9309 §2.2.2): no rule at all.
      rules.emplace_back(std::string(line.value), line.field == Field::kAllow);
    }
  }
};

// Runs fn on each line of body (LF, CRLF or CR ends one), each cut to
// kMaxLineBytes.
template <typename Fn>
void ForEachLine(std::string_view body, Fn fn) {
  while (!body.empty()) {
    const size_t end = body.find_first_of("\r\n");
    if (end == std::string_view::npos) {
      fn(body.substr(0, RobotsRules::kMaxLineBytes));
      return;
    }
    fn(body.substr(0, std::min(end, RobotsRules::kMaxLineBytes)));
    size_t next = end + 1;
    if (body[end] == '\r' && next < body.size() && body[next] == '\n') ++next;
    body.remove_prefix(next);
  }
}

}  // namespace

RobotsRules RobotsRules::Parse(std::string_view body, std::string_view product_token) {
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  if (body.size() > kMaxBodyBytes) {
    body = body.substr(0, kMaxBodyBytes);
    const size_t last_break = body.find_last_of("\r\n");
    body = body.substr(0, last_break == std::string_view::npos ? 0 : last_break + 1);
  }
  const std::string_view token = ProductToken(product_token);

  RobotsRules result;
  Group ours;
  Group everyone;
  // A group is one or more User-agent lines and the rule lines after them; a
  // User-agent line after a rule line starts the next group (RFC 9309 §2.1).
  bool in_agent_lines = false;
  bool for_us = false;
  bool for_everyone = false;
  ForEachLine(body, [&](std::string_view raw) {
    const Line line = ParseLine(raw);
    switch (line.field) {
      case Field::kUnknown:
        return;
      case Field::kSitemap:
        if (!line.value.empty() && result.sitemaps_.size() < kMaxSitemaps) {
          result.sitemaps_.emplace_back(line.value);
        }
        return;
      case Field::kUserAgent: {
        if (!in_agent_lines) for_us = for_everyone = false;
        in_agent_lines = true;
        const std::string_view agent = ProductToken(line.value);
        if (line.value == "*" || (line.value.starts_with('*') && IsAsciiSpace(line.value[1]))) {
          for_everyone = true;
        } else if (!token.empty() && EqualsIgnoreCase(agent, token)) {
          for_us = ours.named = true;
        }
        return;
      }
      case Field::kAllow:
      case Field::kDisallow:
      case Field::kCrawlDelay:
        in_agent_lines = false;
        if (for_us) ours.Add(line);
        if (for_everyone) everyone.Add(line);
        return;
    }
  });

  Group& chosen = ours.named ? ours : everyone;
  result.crawl_delay_ = chosen.crawl_delay;
  result.rules_.reserve(chosen.rules.size());
  for (const auto& [raw, allow] : chosen.rules) {
    std::string pattern = NormalizeForMatch(raw);
    // Paths start with '/'; "Disallow: private" is read as "/private".
    if (pattern.front() != '/' && pattern.front() != '*') pattern.insert(0, 1, '/');
    result.rules_.push_back({std::move(pattern), allow});
  }
  return result;
}

RobotsRules RobotsRules::AllowAll() { return RobotsRules(); }

RobotsRules RobotsRules::DisallowAll() {
  RobotsRules result;
  result.rules_.push_back({"/", false});
  return result;
}

bool RobotsRules::Allows(std::string_view path_and_query) const {
  if (rules_.empty()) return true;
  path_and_query = path_and_query.substr(0, path_and_query.find('#'));
  std::string path = NormalizeForMatch(path_and_query);
  if (path.empty() || path.front() != '/') path.insert(0, 1, '/');
  if (std::string_view(path).substr(0, path.find('?')) == "/robots.txt") return true;

  // Priority is the rule's length (RFC 9309 §2.2.2: the most octets wins).
  long longest_allow = -1;
  long longest_disallow = -1;
  for (const Rule& rule : rules_) {
    if (!Matches(path, rule.pattern)) continue;
    long& longest = rule.allow ? longest_allow : longest_disallow;
    longest = std::max(longest, static_cast<long>(rule.pattern.size()));
  }
  return longest_allow >= longest_disallow;
}

}  // namespace linkgraph::crawler
