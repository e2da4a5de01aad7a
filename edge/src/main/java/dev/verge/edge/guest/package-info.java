/** Running one guest per request: linking exactly what is granted, the CPU and wall budgets, the outcome. */
package dev.verge.edge.guest;
