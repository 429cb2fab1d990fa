#include "parsers/urls.h"

#include <re2/re2.h>

#include <memory>
#include <unordered_map>
#include <vector>

#include "common/parsed_uri.h"
#include "parsers/text_util.h"

namespace linkgraph::parsers {
namespace {

std::string ToString(UriUriA* uri) {
  int length = 0;
  if (uriToStringCharsRequiredA(uri, &length) != URI_SUCCESS) return {};
  std::vector<char> buffer(static_cast<size_t>(length) + 1);
  if (uriToStringA(buffer.data(), uri, length + 1, nullptr) != URI_SUCCESS) return {};
  return std::string(buffer.data());
}

// Browsers accept spaces and other stray characters in href values.
std::string Sanitise(std::string_view reference) {
  std::string out;
  reference = TrimAscii(reference);
  out.reserve(reference.size());
  for (char c : reference) {
    if (c == ' ')
      out += "%20";
    else if (c == '\t' || c == '\n' || c == '\r')
      continue;
    else if (c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{' ||
             c == '|' || c == '}' || static_cast<unsigned char>(c) >= 0x80) {
      static const char kHex[] = "0123456789ABCDEF";
      out.push_back('%');
      out.push_back(kHex[(static_cast<unsigned char>(c) >> 4) & 0xF]);
      out.push_back(kHex[static_cast<unsigned char>(c) & 0xF]);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

struct UrlParts {
  std::string_view head;   // up to the '?'
  std::string_view query;  // after the '?', without the fragment
};

UrlParts SplitQuery(std::string_view url) {
  url = url.substr(0, url.find('#'));
  size_t question = url.find('?');
  if (question == std::string_view::npos) return {url, {}};
  return {url.substr(0, question), url.substr(question + 1)};
}

// Calls visit(parameter, name) for each non-empty "name=value" of query.
template <typename Visit>
void ForEachParameter(std::string_view query, Visit visit) {
  size_t at = 0;
  while (at <= query.size()) {
    size_t end = query.find('&', at);
    if (end == std::string_view::npos) end = query.size();
    std::string_view parameter = query.substr(at, end - at);
    if (!parameter.empty()) visit(parameter, parameter.substr(0, parameter.find('=')));
    at = end + 1;
  }
}

}  // namespace

namespace {

std::string ResolveAgainst(const ParsedUri& base, std::string_view reference) {
  ParsedUri reference_uri;
  if (!reference_uri.Parse(Sanitise(reference))) return {};
  ParsedUri resolved;
  int added = uriAddBaseUriA(resolved.get(), &reference_uri.uri(), &base.uri());
  resolved.MarkParsed();  // whatever it allocated before failing is freed too
  if (added != URI_SUCCESS) return {};
  std::string scheme = ToLowerAscii(UriRange(resolved.get()->scheme));
  if (scheme != "http" && scheme != "https" && scheme != "file") return {};
  // "http:rl" parses as a URI with no host: nothing a crawler could fetch.
  if (scheme != "file" && UriRange(resolved.get()->hostText).empty()) return {};
  uriNormalizeSyntaxA(resolved.get());
  // Cut the fragment from the text: after normalising, the URI owns its
  // ranges, and clearing them in place would leak them.
  std::string text = ToString(resolved.get());
  size_t fragment = text.find('#');
  if (fragment != std::string::npos) text.resize(fragment);
  return text;
}

}  // namespace

UrlResolver::UrlResolver(std::string_view base) : base_(std::make_unique<ParsedUri>()) {
  if (!base_->Parse(Sanitise(base))) base_.reset();
}

UrlResolver::~UrlResolver() = default;

namespace {

// Absolute links resolve the same against any base, and a site's menus and
// archive lists repeat the same few hundred on every page: each worker thread
// remembers what they resolved to. Bounded: cleared when full.
class AbsoluteLinkCache {
 public:
  const std::string* Find(std::string_view reference) const {
    auto found = resolved_.find(std::string(reference));
    return found == resolved_.end() ? nullptr : &found->second;
  }
  void Add(std::string_view reference, const std::string& resolved) {
    if (resolved_.size() >= kEntries) resolved_.clear();
    resolved_.emplace(std::string(reference), resolved);
  }

 private:
  static constexpr size_t kEntries = 4096;
  std::unordered_map<std::string, std::string> resolved_;
};

bool IsAbsoluteHttp(std::string_view reference) {
  return StartsWithIgnoreCase(reference, "http://") || StartsWithIgnoreCase(reference, "https://");
}

}  // namespace

std::string UrlResolver::Resolve(std::string_view reference) const {
  if (base_ == nullptr) return {};
  if (!IsAbsoluteHttp(reference)) return ResolveAgainst(*base_, reference);
  thread_local AbsoluteLinkCache cache;
  if (const std::string* known = cache.Find(reference)) return *known;
  std::string resolved = ResolveAgainst(*base_, reference);
  cache.Add(reference, resolved);
  return resolved;
}

std::string ResolveUrl(std::string_view base, std::string_view reference) {
  return UrlResolver(base).Resolve(reference);
}

std::string HostOfLink(std::string_view url) {
  ParsedUri uri;
  if (!uri.Parse(std::string(url))) return {};
  return ToLowerAscii(UriRange(uri.get()->hostText));
}

std::string NormalSiteRootOf(std::string_view url) {
  ParsedUri uri;
  if (!uri.Parse(std::string(url))) return {};
  std::string scheme = ToLowerAscii(UriRange(uri.get()->scheme));
  std::string host = ToLowerAscii(UriRange(uri.get()->hostText));
  if (scheme.empty() || host.empty()) return {};
  std::string port(UriRange(uri.get()->portText));
  bool default_port =
      port.empty() || (scheme == "http" && port == "80") || (scheme == "https" && port == "443");
  return scheme + "://" + host + (default_port ? "" : ":" + port) + "/";
}

std::string WithoutCommentPage(std::string_view url) {
  UrlParts parts = SplitQuery(url);
  std::string head(parts.head);
  static const LazyRE2 kCommentPage = {R"(/comment-page-\d+(/?)$)"};
  RE2::Replace(&head, *kCommentPage, "\\1");
  std::string query;
  ForEachParameter(parts.query, [&query](std::string_view parameter, std::string_view name) {
    if (name == "cpage") return;
    if (!query.empty()) query.push_back('&');
    query.append(parameter);
  });
  return query.empty() ? head : head + "?" + query;
}

std::string PercentEncodeNonAscii(std::string_view url) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(url.size());
  for (char c : url) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xF]);
    }
  }
  return out;
}

std::string ResolveHttpUrl(std::string_view base, std::string_view reference) {
  std::string_view trimmed = TrimAscii(reference);
  if (trimmed.empty()) return {};
  std::string url = ResolveUrl(PercentEncodeNonAscii(base), PercentEncodeNonAscii(trimmed));
  return IsHttpUrl(url) ? url : std::string();
}

bool QueryParameter(std::string_view url, std::string_view name, std::string* value) {
  bool found = false;
  ForEachParameter(
      SplitQuery(url).query, [&](std::string_view parameter, std::string_view parameter_name) {
        if (found || parameter_name != name) return;
        found = true;
        size_t equals = parameter.find('=');
        *value = equals == std::string_view::npos ? std::string()
                                                  : std::string(parameter.substr(equals + 1));
      });
  return found;
}

std::string FragmentOf(std::string_view url) {
  size_t hash = url.find('#');
  return hash == std::string_view::npos ? std::string() : std::string(url.substr(hash + 1));
}

int PositiveQueryParameter(std::string_view url, std::string_view name, int fallback) {
  std::string text;
  if (!QueryParameter(url, name, &text) || text.empty() || text.size() > 6) return fallback;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return fallback;
    value = value * 10 + (c - '0');
  }
  return value > 0 ? value : fallback;
}

std::string WithQueryParameter(std::string_view url, std::string_view name,
                               std::string_view value) {
  UrlParts parts = SplitQuery(url);
  std::string replacement = std::string(name) + "=" + std::string(value);
  std::string query;
  bool replaced = false;
  ForEachParameter(parts.query, [&](std::string_view parameter, std::string_view parameter_name) {
    if (parameter_name == name && replaced) return;  // a repeat: only one stays
    if (!query.empty()) query.push_back('&');
    if (parameter_name == name) {
      query.append(replacement);
      replaced = true;
    } else {
      query.append(parameter);
    }
  });
  if (!replaced) query += (query.empty() ? "" : "&") + replacement;
  return std::string(parts.head) + "?" + query;
}

}  // namespace linkgraph::parsers
