/** Host and path routing: the most specific route wins; clashes between apps are refused. */
package dev.verge.edge.routing;
