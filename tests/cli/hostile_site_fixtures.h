// Pieces of the loopback sites the crawl tests serve: HTML and redirect
// routes, a plain page, and a reader of the newest crawl's record of a URL.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <optional>
#include <string>

#include "tests/crawler/loopback_http_server.h"

namespace linkgraph::cli_test {

inline testing::Route Html(std::string body) {
  testing::Route route;
  route.headers = {{"Content-Type", "text/html; charset=UTF-8"}};
  route.body = std::move(body);
  return route;
}

inline testing::Route RedirectTo(const std::string& location, int status = 302) {
  testing::Route route;
  route.status = status;
  route.headers = {{"Location", location}};
  return route;
}

inline std::string Page(const std::string& title, const std::string& links) {
  return "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1>" + links +
         "</body></html>";
}

// One column of the newest crawl's row for url, read with SQLite directly
// (read-only, beside a running crawl); nullopt when the crawl holds no such
// URL or there is no database yet.
inline std::optional<std::string> CrawlUrlField(const std::string& db, const std::string& url,
                                                const char* column) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> connection(raw, sqlite3_close);
  if (rc != SQLITE_OK) return std::nullopt;
  const std::string sql = std::string("SELECT ") + column +
                          " FROM crawl_urls WHERE url = ?1"
                          " AND crawl_id = (SELECT max(id) FROM crawls)";
  sqlite3_stmt* raw_statement = nullptr;
  if (sqlite3_prepare_v2(raw, sql.c_str(), -1, &raw_statement, nullptr) != SQLITE_OK) {
    return std::nullopt;
  }
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw_statement, sqlite3_finalize);
  sqlite3_bind_text(raw_statement, 1, url.c_str(), -1, SQLITE_TRANSIENT);
  if (sqlite3_step(raw_statement) != SQLITE_ROW) return std::nullopt;
  const unsigned char* text = sqlite3_column_text(raw_statement, 0);
  return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text));
}

}  // namespace linkgraph::cli_test
