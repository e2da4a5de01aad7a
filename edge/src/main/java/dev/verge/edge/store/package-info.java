/** The app store: a local directory of apps, every version kept for rollback, written atomically. */
package dev.verge.edge.store;
