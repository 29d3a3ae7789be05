/**
 * Gridify-syntax {@code filter} and {@code orderBy} expressions from API users, translated to parameterised SQL over an
 * allow-list of fields. Entry point: {@link com.echamado.platform.query.Gridify}; user syntax: docs/filter-syntax.md.
 * A named interface of the platform module.
 */
@org.springframework.modulith.NamedInterface("query")
package com.echamado.platform.query;
