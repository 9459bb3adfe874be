/** Images exchanged with scene generators: pixels, requests and their failures. */
package io.aisle.core.vision;
