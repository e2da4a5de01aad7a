/**
 * The edge host itself: Jetty listeners (public and admin), the registry of served apps swapped
 * atomically on deploy, metrics and the JSON log. Start with {@link dev.verge.edge.server.EdgeServer#start}.
 */
package dev.verge.edge.server;
