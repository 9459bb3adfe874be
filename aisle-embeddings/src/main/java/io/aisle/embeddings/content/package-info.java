/** Content vectors of the catalogue, refreshed by following the catalogue change log. */
package io.aisle.embeddings.content;
