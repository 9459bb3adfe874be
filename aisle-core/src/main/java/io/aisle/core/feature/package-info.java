/** Feature entities and values shared by the feature store port and its users. */
package io.aisle.core.feature;
