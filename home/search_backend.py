"""Wagtail's database search backend, taught one more query node: a word prefix.

Wagtail's full-text query classes have no prefix match except through `autocomplete()`, which searches only
the autocomplete fields. Both databases can do it natively (FTS5 `"word"*`, PostgreSQL `'word':*`), so the
compilers of the backend Wagtail would pick for the database get a subclass that turns `Prefix` into exactly
that; everything else (ranking, boosts, the indexes on the backend's expressions) stays Wagtail's.
"""

from functools import cache

from wagtail.search.backends.database import SearchBackend as database_search_backend
from wagtail.search.query import PlainText


class Prefix(PlainText):
    """Every word that begins with `query_string` (one word: the caller splits)."""


@cache
def _compiler_with_prefix(compiler_class):
    if hasattr(compiler_class, "build_tsquery_content"):  # PostgreSQL
        from django.contrib.postgres.search import SearchQuery

        from modelsearch.backends.database.postgres.query import Lexeme

        class PostgresPrefixCompiler(compiler_class):
            def build_tsquery_content(self, query, config=None, invert=False):
                if isinstance(query, Prefix):
                    lexeme = Lexeme(query.query_string, invert=invert, prefix=True)
                    return SearchQuery(lexeme, search_type="raw", config=config)
                return super().build_tsquery_content(query, config=config, invert=invert)

        return PostgresPrefixCompiler

    if hasattr(compiler_class, "build_search_query_content"):  # SQLite FTS5
        from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression

        class SQLitePrefixCompiler(compiler_class):
            def build_search_query_content(self, query, config=None):
                if isinstance(query, Prefix):
                    return SearchQueryExpression(Lexeme(query.query_string, prefix=True), config=config)
                return super().build_search_query_content(query, config=config)

        return SQLitePrefixCompiler

    return compiler_class  # the plain fallback backend: a prefix is searched as the word itself


def SearchBackend(params):
    backend = database_search_backend(params)
    backend.query_compiler_class = _compiler_with_prefix(type(backend).query_compiler_class)
    return backend
