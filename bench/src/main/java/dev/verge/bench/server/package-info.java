/** The server-choice benchmark: Jetty 12 and Netty 4.2 answering the same fixed response, driven by wrk. */
package dev.verge.bench.server;
