/**
 * Sessions built from the event log: each actor's events grouped by storefront session id and inactivity, with
 * anonymous devices stitched to the shopper who logs in on them. See the module README, section "Sessions".
 */
package io.aisle.features.session;
