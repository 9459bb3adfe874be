/** What callers ask recommendations for and what they get back: surfaces, requests, ranked items with reasons. */
package io.aisle.core.recommend;
