/** What callers send to product search and what they get back: requests, the parsed query, hits, facets. */
package io.aisle.core.search;
