/** The ports every module talks through; adapters (embedded, scale-out) implement them. */
package io.aisle.core.port;
