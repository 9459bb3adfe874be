/**
 * Reading text files defensively for the importers: strict UTF-8, bounded lines and records, and line numbers
 * that point at where a record starts. Support code for {@code io.aisle.ingest.catalog} and
 * {@code io.aisle.ingest.events}, not an API of its own.
 */
package io.aisle.ingest.text;
