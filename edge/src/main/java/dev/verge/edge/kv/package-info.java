/** Key-value stores behind one interface; the embedded one keeps each app's data on local disk. */
package dev.verge.edge.kv;
