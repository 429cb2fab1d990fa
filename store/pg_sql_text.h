// Private to store/: the text work of the PostgreSQL connection, free of
// libpq so it can be tested without a server: parameter spelling, the kind
// of a statement, and connection URIs with their passwords hidden.
#pragma once

#include <string>
#include <string_view>

namespace linkgraph::store {

// SQL with its parameters spelled $N, as PostgreSQL wants them, and how many
// values it takes (its largest parameter number).
struct DollarSql {
  std::string text;
  int parameter_count = 0;
};

// sql with SQLite's ?N parameters spelled $N; a bare ? takes the number
// after the largest one so far, as in SQLite. String literals ('...',
// E'...'), quoted identifiers ("...") and comments (--, nested /* */) are
// copied unchanged. Dollar-quoted strings are not recognised: the store's
// SQL, written for SQLite too, has none.
DollarSql DollarParameters(std::string_view sql);

// True for a statement that only reads rows (SELECT, WITH, VALUES, TABLE,
// after any whitespace, comments and opening parentheses): one that can run
// behind a cursor. INSERT ... RETURNING is not one.
bool IsRowQuery(std::string_view sql);

// A connection string fit for a message: a URI's password (in the user
// part or as ?password=) and a key=value string's password= read "***".
std::string WithoutPassword(std::string_view conninfo);

}  // namespace linkgraph::store
