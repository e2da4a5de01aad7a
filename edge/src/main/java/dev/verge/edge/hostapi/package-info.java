/** The {@code verge} host API (key-value stores, outbound HTTP) that apps import; {@code edge/include/verge.h} declares it for C. */
package dev.verge.edge.hostapi;
