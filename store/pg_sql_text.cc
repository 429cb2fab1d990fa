#include "store/pg_sql_text.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <utility>

namespace linkgraph::store {
namespace {

constexpr std::string_view kHidden = "***";

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

bool StartsWith(std::string_view text, size_t at, std::string_view prefix) {
  return text.substr(at, prefix.size()) == prefix;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::toupper(static_cast<unsigned char>(x)) ==
                  std::toupper(static_cast<unsigned char>(y));
         });
}

// The end of a quoted text opening at i; a doubled quote stands for itself.
size_t SkipQuoted(std::string_view sql, size_t i, char quote, bool backslash_escapes) {
  for (size_t j = i + 1; j < sql.size(); ++j) {
    if (backslash_escapes && sql[j] == '\\') {
      ++j;
    } else if (sql[j] == quote) {
      if (j + 1 < sql.size() && sql[j + 1] == quote) {
        ++j;
      } else {
        return j + 1;
      }
    }
  }
  return sql.size();
}

// PostgreSQL's block comments nest, unlike C's.
size_t SkipBlockComment(std::string_view sql, size_t i) {
  int depth = 0;
  for (size_t j = i; j < sql.size();) {
    if (StartsWith(sql, j, "/*")) {
      ++depth;
      j += 2;
    } else if (StartsWith(sql, j, "*/")) {
      j += 2;
      if (--depth == 0) return j;
    } else {
      ++j;
    }
  }
  return sql.size();
}

// An E'...' string, where backslashes escape.
bool IsEscapeString(std::string_view sql, size_t quote) {
  if (quote == 0 || std::toupper(static_cast<unsigned char>(sql[quote - 1])) != 'E') return false;
  return quote == 1 || !IsWordChar(sql[quote - 2]);
}

// The end of the literal, quoted identifier or comment that opens at i, or i
// when none does. One left open runs to the end of sql.
size_t SkipLiteralOrComment(std::string_view sql, size_t i) {
  if (StartsWith(sql, i, "--")) {
    size_t end = sql.find('\n', i);
    return end == std::string_view::npos ? sql.size() : end + 1;
  }
  if (StartsWith(sql, i, "/*")) return SkipBlockComment(sql, i);
  if (sql[i] == '\'') return SkipQuoted(sql, i, '\'', IsEscapeString(sql, i));
  if (sql[i] == '"') return SkipQuoted(sql, i, '"', false);
  return i;
}

// The words of sql outside literals and comments, in order, until visit
// returns true; true when it did.
template <typename Visit>
bool AnyWord(std::string_view sql, Visit visit) {
  size_t i = 0;
  while (i < sql.size()) {
    if (size_t skipped = SkipLiteralOrComment(sql, i); skipped != i) {
      i = skipped;
    } else if (IsWordChar(sql[i])) {
      size_t end = i;
      while (end < sql.size() && IsWordChar(sql[end])) ++end;
      if (visit(sql.substr(i, end - i))) return true;
      i = end;
    } else {
      ++i;
    }
  }
  return false;
}

bool IsOneOf(std::string_view word, std::initializer_list<std::string_view> keywords) {
  return std::any_of(keywords.begin(), keywords.end(),
                     [&](std::string_view keyword) { return EqualsIgnoringCase(word, keyword); });
}

std::string_view FirstWord(std::string_view sql) {
  std::string_view first;
  AnyWord(sql, [&](std::string_view word) {
    first = word;
    return true;
  });
  return first;
}

// "key=value" with a password value hidden; other pairs unchanged.
std::string ParameterWithoutPassword(std::string_view pair) {
  size_t equals = pair.find('=');
  if (equals == std::string_view::npos || pair.substr(0, equals) != "password") {
    return std::string(pair);
  }
  return "password=" + std::string(kHidden);
}

// The query of a URI (after '?'), its password parameter hidden.
std::string QueryWithoutPassword(std::string_view query) {
  std::string out;
  while (true) {
    size_t amp = query.find('&');
    out += ParameterWithoutPassword(query.substr(0, amp));
    if (amp == std::string_view::npos) return out;
    out += '&';
    query.remove_prefix(amp + 1);
  }
}

std::string UriWithoutPassword(std::string_view uri) {
  size_t scheme_end = uri.find("://") + 3;
  size_t authority_end = std::min(uri.find_first_of("/?", scheme_end), uri.size());
  std::string_view authority = uri.substr(scheme_end, authority_end - scheme_end);
  std::string out(uri.substr(0, scheme_end));
  size_t at = authority.rfind('@');
  size_t colon = at == std::string_view::npos ? at : authority.substr(0, at).find(':');
  if (colon != std::string_view::npos) {
    out += authority.substr(0, colon + 1);
    out += kHidden;
    out += authority.substr(at);
  } else {
    out += authority;
  }
  std::string_view rest = uri.substr(authority_end);
  size_t question = rest.find('?');
  out += rest.substr(0, question);
  if (question != std::string_view::npos)
    out += "?" + QueryWithoutPassword(rest.substr(question + 1));
  return out;
}

// The end of the value that starts at i in a key=value string: quoted values
// may hold spaces and backslash-escaped quotes.
size_t ValueEnd(std::string_view conninfo, size_t i) {
  if (i < conninfo.size() && conninfo[i] == '\'') return SkipQuoted(conninfo, i, '\'', true);
  while (i < conninfo.size() && !IsSpace(conninfo[i])) ++i;
  return i;
}

std::string KeywordsWithoutPassword(std::string_view conninfo) {
  std::string out;
  size_t i = 0;
  while (i < conninfo.size()) {
    size_t equals = conninfo.find('=', i);
    if (equals == std::string_view::npos) break;
    size_t value = equals + 1;
    while (value < conninfo.size() && IsSpace(conninfo[value])) ++value;
    std::string_view key = conninfo.substr(i, equals - i);
    while (!key.empty() && IsSpace(key.front())) key.remove_prefix(1);
    while (!key.empty() && IsSpace(key.back())) key.remove_suffix(1);
    size_t end = ValueEnd(conninfo, value);
    out += conninfo.substr(i, value - i);
    out += key == "password" ? kHidden : conninfo.substr(value, end - value);
    i = end;
  }
  out += conninfo.substr(i);
  return out;
}

}  // namespace

DollarSql DollarParameters(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 8);
  int largest = 0;
  size_t i = 0;
  while (i < sql.size()) {
    if (size_t skipped = SkipLiteralOrComment(sql, i); skipped != i) {
      out += sql.substr(i, skipped - i);
      i = skipped;
      continue;
    }
    if (sql[i] != '?') {
      out += sql[i++];
      continue;
    }
    size_t digits_end = i + 1;
    while (digits_end < sql.size() && std::isdigit(static_cast<unsigned char>(sql[digits_end]))) {
      ++digits_end;
    }
    int number = largest + 1;
    std::from_chars(sql.data() + i + 1, sql.data() + digits_end, number);
    largest = std::max(largest, number);
    out += '$' + std::to_string(number);
    i = digits_end;
  }
  return DollarSql{std::move(out), largest};
}

bool IsRowQuery(std::string_view sql) {
  std::string_view first = FirstWord(sql);
  if (IsOneOf(first, {"SELECT", "VALUES", "TABLE"})) return true;
  if (!EqualsIgnoringCase(first, "WITH")) return false;
  // WITH ... INSERT/UPDATE/DELETE writes, and a cursor may not hold a write.
  return !AnyWord(sql, [](std::string_view word) {
    return IsOneOf(word, {"INSERT", "UPDATE", "DELETE", "MERGE"});
  });
}

std::string WithoutPassword(std::string_view conninfo) {
  if (conninfo.starts_with("postgresql://") || conninfo.starts_with("postgres://")) {
    return UriWithoutPassword(conninfo);
  }
  return KeywordsWithoutPassword(conninfo);
}

}  // namespace linkgraph::store
